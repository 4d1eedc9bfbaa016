/**
 * The real widget, for the live preview: `@todo-assistant/widget` (the workspace package's ESM build) registers
 * `<todo-assistant>`. A chunk of its own, loaded when a site's appearance is first shown.
 */
import { defineTodoAssistant } from '@todo-assistant/widget';

defineTodoAssistant();

/** What the element shows when a setting is not set (read from a fresh element, never copied). */
export function widgetDefaults(): {
  heading: string;
  greeting: string;
  placeholder: string;
  prompts: unknown;
} {
  const el = document.createElement('todo-assistant');
  return { heading: el.heading, greeting: el.greeting, placeholder: el.placeholder, prompts: el.prompts };
}
