import { OpenAIProvider, type Model, type ModelProvider } from '@openai/agents';
import { AppConfig } from '../../config/app-config';
import { withAnswerCheck } from './answer-check';
import { OfflineModelProvider } from './offline/offline-model.provider';
import { withSilenceTimeout } from './silence-timeout';

/**
 * The model behind the agent, chosen by configuration alone:
 * - `offline`: our deterministic model, no network (the default without OPENAI_API_KEY);
 * - OpenAI with a key: the Responses API by default;
 * - any OpenAI-compatible server (OPENAI_BASE_URL): Chat Completions by default, which such servers speak;
 * OPENAI_API picks the other API for either.
 */
export function createModelProvider(config: AppConfig): ModelProvider {
  const choice = config.model;
  switch (choice.kind) {
    case 'offline':
      return new OfflineModelProvider();
    case 'openai':
      return new OpenAIProvider({ apiKey: choice.apiKey, useResponses: choice.api === 'responses' });
    case 'openai-compatible':
      return new OpenAIProvider({
        apiKey: choice.apiKey,
        baseURL: choice.baseURL,
        useResponses: choice.api === 'responses',
      });
  }
}

/**
 * The configured model; a remote one is stopped when it stays silent longer than AGENT_MODEL_TIMEOUT_MS, and an
 * answer it sends that cannot be used fails the turn (see withAnswerCheck).
 */
export async function resolveModel(config: AppConfig, provider: ModelProvider): Promise<Model> {
  if (config.model.kind === 'offline') return provider.getModel(undefined);
  const model = await provider.getModel(config.model.model);
  return withAnswerCheck(withSilenceTimeout(model, config.agentModelTimeoutMs));
}
