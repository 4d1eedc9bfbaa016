import type { CreatedSite, SiteSummary } from './api/types.js';

/** The console's own DOM events: they bubble and cross shadow roots up to the app. */
export interface ConsoleEventMap {
  /** Say something in the polite live region (and show it briefly). */
  'console-announce': CustomEvent<{ message: string }>;
  /** A site was just made: the app keeps its secret in memory for the setup page. */
  'console-site-created': CustomEvent<CreatedSite>;
  /** A section of a site's page changed the site. */
  'console-site-changed': CustomEvent<SiteSummary>;
  /** The page's title (the document's title follows). */
  'console-title': CustomEvent<{ title: string }>;
}

export function emit<K extends keyof ConsoleEventMap>(
  from: EventTarget,
  type: K,
  detail: ConsoleEventMap[K]['detail'],
): void {
  from.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

export const announce = (from: EventTarget, message: string) => emit(from, 'console-announce', { message });

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends ConsoleEventMap {}
}
