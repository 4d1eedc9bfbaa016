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
  'site',
] as const;
// (`preview` is not one: a script tag is for real visitors.)

const SCRIPT_NAME = /\/todo-assistant\.js(?:[?#].*)?$/;

/**
 * Defines `<todo-assistant>` and sets up what the script tag asks for. A page with `<todo-assistant>` elements of its
 * own gets those configured (the API of `data-api-url`, by default the origin serving the script, for those naming
 * none); otherwise the script adds one assistant: a launcher, or with `data-target` an inline assistant in that
 * container. Loading the script twice adds nothing twice.
 */
export function mountFromScripts(current: HTMLScriptElement | null, base: string): void {
  defineTodoAssistant();
  const scripts = current
    ? [current]
    : [...document.querySelectorAll<HTMLScriptElement>('script[src]')].filter((s) => SCRIPT_NAME.test(s.src));
  const run = () => scripts.forEach((s) => mount(s, base));
  // Decide once the page's own elements are parsed (an async script may run before).
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run, { once: true });
  else run();
}

function mount(script: HTMLScriptElement, base: string): void {
  if (script.dataset.todoAssistant === 'done') return;
  script.dataset.todoAssistant = 'done';
  const apiUrl = script.dataset.apiUrl ?? new URL(script.src || base, location.href).origin;
  const declared = [...document.querySelectorAll<TodoAssistant>('todo-assistant:not([data-embed])')];
  for (const el of declared) if (!el.hasAttribute('api-url')) el.setAttribute('api-url', apiUrl);
  if (declared.length && !script.dataset.target) return;
  const key = `${apiUrl} ${script.dataset.target ?? ''}`;
  if (
    [...document.querySelectorAll('todo-assistant[data-embed]')].some(
      (el) => el.getAttribute('data-embed') === key,
    )
  )
    return;
  const target = script.dataset.target ? document.querySelector(script.dataset.target) : null;
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
