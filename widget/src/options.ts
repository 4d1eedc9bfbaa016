/** Option types of `<todo-assistant>` shared by both renderers. */

export type Mode = 'launcher' | 'inline';
export type RendererChoice = 'auto' | 'chatkit' | 'builtin';
export type Theme = 'light' | 'dark' | 'auto';

/** A starter prompt on the new-conversation screen: `label` is shown, `prompt` is sent. */
export interface StartPrompt {
  label: string;
  prompt: string;
}

export const DEFAULT_PROMPTS: StartPrompt[] = [
  { label: 'Add a task to buy groceries', prompt: 'Add a task to buy groceries' },
  { label: "What's pending?", prompt: "What's pending?" },
  { label: 'Show all my tasks', prompt: 'Show all my tasks' },
];

export const DEFAULT_GREETING = 'What should we get done today?';

/** Remembers the conversation a widget shows, across reloads. */
export interface ThreadMemory {
  get(): string | null;
  set(threadId: string | null): void;
}
