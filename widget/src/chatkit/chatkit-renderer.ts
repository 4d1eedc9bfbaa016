import { msg, str } from '@lit/localize';
import type { ChatKitOptions, OpenAIChatKit, SupportedLocale, ThemeOption } from '@openai/chatkit';
import { WidgetError } from '../auth/widget-error.js';
import { catalogFor } from '../locale/choose-locale.js';
import { emit, type TaskChange } from '../events.js';
import type { StartPrompt, ThreadMemory } from '../options.js';

/** Where OpenAI serves the ChatKit web component (the only distribution of its runtime). */
export const CHATKIT_CDN = 'https://cdn.platform.openai.com/deployments/chatkit/chatkit.js';

export interface ChatKitMount {
  /** The `<todo-assistant>` element: its CSS custom properties become ChatKit's theme. */
  host: HTMLElement;
  src: string;
  timeoutMs: number;
  apiUrl: string;
  domainKey: string;
  fetch: typeof fetch;
  colorScheme: 'light' | 'dark';
  /** The widget's language tag ("ur-PK"). */
  locale: string;
  placeholder: string;
  greeting: string;
  prompts: StartPrompt[];
  heading: string;
  memory: ThreadMemory;
  /** The server transcribes (`GET /api/capabilities`): ChatKit's composer offers its microphone. */
  dictation?: boolean;
}

const loads = new Map<string, Promise<void>>();

/**
 * Loads ChatKit's script once per page and waits until `<openai-chatkit>` is defined. Fails when the script
 * cannot load (blocked, offline, refused by the page's CSP) or defines nothing within `timeoutMs`.
 */
export function loadChatKitScript(src: string, timeoutMs: number): Promise<void> {
  if (customElements.get('openai-chatkit')) return Promise.resolve();
  let load = loads.get(src);
  if (!load) {
    load = new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.async = true;
      const timer = setTimeout(
        () =>
          reject(
            new WidgetError(
              'chatkit_load_failed',
              msg(str`ChatKit did not start within ${timeoutMs} ms (${src}).`),
            ),
          ),
        timeoutMs,
      );
      script.addEventListener('error', () => {
        clearTimeout(timer);
        reject(
          new WidgetError('chatkit_load_failed', msg(str`ChatKit's script could not be loaded from ${src}.`)),
        );
      });
      void customElements.whenDefined('openai-chatkit').then(() => {
        clearTimeout(timer);
        resolve();
      });
      document.head.append(script);
    });
    // A failed load may be tried again later (the network came back).
    load.catch(() => loads.delete(src));
    loads.set(src, load);
  }
  return load;
}

/** ChatKit's theme from our custom properties, as the element computes them. */
export function chatKitTheme(host: HTMLElement, colorScheme: 'light' | 'dark'): ThemeOption {
  const style = getComputedStyle(host);
  const prop = (name: string) => style.getPropertyValue(name).trim();
  const radius = parseFloat(prop('--ta-radius')) || 0;
  return {
    colorScheme,
    radius: radius >= 18 ? 'pill' : radius >= 10 ? 'round' : radius >= 4 ? 'soft' : 'sharp',
    typography: { fontFamily: prop('--ta-font'), baseSize: 14 },
    color: {
      accent: { primary: prop('--ta-accent'), level: 1 },
      surface: { background: prop('--ta-bg'), foreground: prop('--ta-fg') },
    },
  };
}

/** Regional variants of the widget's languages that ChatKit has translations of (its `TranslatedLocale`). */
const CHATKIT_REGIONAL = ['de-DE', 'es-419', 'es-ES', 'fr-CA', 'fr-FR'];

/** The widget's language as ChatKit names it: the tag when ChatKit knows that variant, else the language alone. */
export function chatKitLocale(tag: string): SupportedLocale {
  const regional = CHATKIT_REGIONAL.find((t) => t.toLowerCase() === tag.toLowerCase());
  return (regional ?? catalogFor(tag) ?? 'en') as SupportedLocale;
}

/** The complete options for `setOptions` (it replaces, never merges). */
export function chatKitOptions(o: ChatKitMount): ChatKitOptions {
  return {
    api: { url: `${o.apiUrl}/api/chatkit`, domainKey: o.domainKey, fetch: o.fetch },
    locale: chatKitLocale(o.locale),
    theme: chatKitTheme(o.host, o.colorScheme),
    frameTitle: o.heading,
    initialThread: o.memory.get(),
    header: { enabled: true, title: { enabled: true } },
    history: { enabled: true, showDelete: true, showRename: true },
    startScreen: {
      greeting: o.greeting,
      prompts: o.prompts.map((p) => ({ label: p.label, prompt: p.prompt, icon: 'sparkle' as const })),
    },
    // ChatKit's dictation sends `input.transcribe` to our server: offered only where the server can answer it.
    composer: { placeholder: o.placeholder, ...(o.dictation ? { dictation: { enabled: true } } : {}) },
    threadItemActions: { feedback: true, retry: true },
  };
}

/**
 * Creates `<openai-chatkit>` pointed at our ChatKit server and re-dispatches its events as ours:
 * `chatkit.ready` → `todo-assistant-ready`, `chatkit.error` → `-error`, the `tasks.changed` effect →
 * `-tasks-changed`, `chatkit.thread.change` → `-thread-change` (and remembered), `chatkit.response.*` → `-response-*`.
 */
export async function mountChatKit(o: ChatKitMount): Promise<OpenAIChatKit> {
  await loadChatKitScript(o.src, o.timeoutMs);
  const el = document.createElement('openai-chatkit') as OpenAIChatKit;
  el.addEventListener('chatkit.ready', () => emit(el, 'todo-assistant-ready', { renderer: 'chatkit' }));
  el.addEventListener('chatkit.error', (e) =>
    emit(el, 'todo-assistant-error', {
      code: 'chatkit',
      message: e.detail.error?.message ?? msg('ChatKit failed.'),
    }),
  );
  el.addEventListener('chatkit.effect', (e) => {
    if (e.detail.name !== 'tasks.changed') return;
    const changes = (e.detail.data?.changes ?? []) as TaskChange[];
    emit(el, 'todo-assistant-tasks-changed', { changes, source: 'assistant' });
  });
  el.addEventListener('chatkit.thread.change', (e) => {
    o.memory.set(e.detail.threadId);
    emit(el, 'todo-assistant-thread-change', { threadId: e.detail.threadId });
  });
  el.addEventListener('chatkit.response.start', () => emit(el, 'todo-assistant-response-start'));
  el.addEventListener('chatkit.response.end', () => emit(el, 'todo-assistant-response-end'));
  el.setOptions(chatKitOptions(o));
  return el;
}
