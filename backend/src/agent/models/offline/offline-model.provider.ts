/**
 * Model provider for `AGENT_MODEL=offline` (the default without an API key). One stateless model instance
 * serves every run; any model name maps to it, because an Agent without an explicit model makes the runner
 * ask its provider for the SDK's default model name.
 */
import type { Model, ModelProvider } from '@openai/agents';
import { OfflineModel } from './offline-model';

export const OFFLINE_MODEL_NAME = 'offline';

export class OfflineModelProvider implements ModelProvider {
  private readonly model = new OfflineModel();

  getModel(_modelName?: string): Model {
    return this.model;
  }
}
