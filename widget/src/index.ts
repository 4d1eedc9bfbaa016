/**
 * `@todo-assistant/widget`: the `<todo-assistant>` element for bundlers. Importing it registers the element in a
 * browser and touches nothing global elsewhere (server rendering imports it safely).
 */
import { defineTodoAssistant } from './todo-assistant.js';

export { TodoAssistant, defineTodoAssistant } from './todo-assistant.js';
export type {
  AuthChangeDetail,
  AuthUser,
  ChangeSource,
  ErrorCode,
  ErrorDetail,
  ReadyDetail,
  ReminderDetail,
  Task,
  TaskChange,
  TasksChangedDetail,
  ThreadChangeDetail,
  TodoAssistantEventMap,
} from './events.js';
export type { Mode, RendererChoice, StartPrompt, Theme } from './options.js';
export type { GetToken } from './auth/token-source.js';

defineTodoAssistant();
