import { defineTodoAssistant, type TodoAssistant } from './todo-assistant.js';

/** `data-*` attributes of the script tag that become attributes of the element. */
const ATTRIBUTES = [
  'api-url',
  'domain-key',
  'mode',
  'renderer',
  'chatkit-src',
  'chatkit-timeout',
  'theme',
  'locale',
  'placeholder',
  'heading',
  'greeting',
  'storage-key',
] as const;

const SCRIPT_NAME = /\/todo-assistant\.js(?:[?#].*)?$/;

/**
 * Defines `<todo-assistant>` and adds the element a script tag asks for: a launcher (or, with `data-target`,
 * an inline assistant in that container) for `data-api-url`, by default the origin serving the script. Elements
 * the page declared itself get that API when they name none. Loading the script twice adds nothing twice.
 */
export function mountFromScripts(current: HTMLScriptElement | null, base: string): void {
  defineTodoAssistant();
  const scripts = current
    ? [current]
    : [...document.querySelectorAll<HTMLScriptElement>('script[src]')].filter((s) => SCRIPT_NAME.test(s.src));
  const run = () => scripts.forEach((s) => mount(s, base));
  if (document.body) run();
  else document.addEventListener('DOMContentLoaded', run, { once: true });
}

function mount(script: HTMLScriptElement, base: string): void {
  if (script.dataset.todoAssistant === 'done') return;
  script.dataset.todoAssistant = 'done';
  const apiUrl = script.dataset.apiUrl ?? new URL(script.src || base, location.href).origin;
  for (const declared of document.querySelectorAll<TodoAssistant>('todo-assistant:not([api-url])')) {
    declared.setAttribute('api-url', apiUrl);
  }
  // A page that declares its own elements and names no API on the script wants only those.
  if (!script.dataset.apiUrl && document.querySelector('todo-assistant')) return;
  const target = script.dataset.target ? document.querySelector(script.dataset.target) : null;
  const key = `${apiUrl} ${script.dataset.target ?? ''}`;
  if ([...document.querySelectorAll('todo-assistant')].some((el) => el.getAttribute('data-embed') === key))
    return;
  const el = document.createElement('todo-assistant');
  el.setAttribute('data-embed', key);
  for (const name of ATTRIBUTES) {
    const value = script.getAttribute(`data-${name}`);
    if (value !== null) el.setAttribute(name, value);
  }
  el.setAttribute('api-url', apiUrl);
  if (target && !el.hasAttribute('mode')) el.setAttribute('mode', 'inline');
  if (script.hasAttribute('data-open')) el.setAttribute('open', '');
  (target ?? document.body).append(el);
}
