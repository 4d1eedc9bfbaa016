/** Option types of `<todo-assistant>` shared by both renderers, and the defaults of its words. */
import { msg, str } from '@lit/localize';

export type Mode = 'launcher' | 'inline';
export type RendererChoice = 'auto' | 'chatkit' | 'builtin';
export type Theme = 'light' | 'dark' | 'auto';

/** A starter prompt on the new-conversation screen: `label` is shown, `prompt` is sent. */
export interface StartPrompt {
  label: string;
  prompt: string;
}

/** The starter prompts when neither the page nor its site gives any, in the widget's language (sent as shown). */
export function defaultPrompts(): StartPrompt[] {
  return [msg('Add a task to buy groceries'), msg("What's pending?"), msg('Show all my tasks')].map(
    (text) => ({
      label: text,
      prompt: text,
    }),
  );
}

/** The words the page or its site did not set, in the widget's language. */
export const defaultWords = () => ({
  heading: msg('Todo Assistant'),
  greeting: msg('What should we get done today?'),
  placeholder: msg('Ask me to add, list or finish tasks…'),
});

/** Remembers the conversation a widget shows, across reloads. */
export interface ThreadMemory {
  get(): string | null;
  set(threadId: string | null): void;
}

/** The panel's words when its code could not be fetched from the backend. */
export const cannotLoad = (apiUrl: string): string =>
  msg(str`Could not load the assistant from ${apiUrl}. Check your connection and try again.`);
