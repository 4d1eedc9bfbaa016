/** The live stream's code, loaded once someone may be signed in (see live-link.ts). */
import { guestFor } from '../auth/guest-session.js';
import { sessionFor } from '../auth/session.js';
import { hostTokenSource, userFromJwt } from '../auth/token-source.js';
import type { AuthUser, TaskChange } from '../events.js';
import type { TodoAssistant } from '../todo-assistant.js';
import type { Identity, Reminder } from './live-link.js';
import { joinStream, type StreamMember, type StreamMembership } from './task-stream.js';

export interface LinkCallbacks {
  /** The stream is for this user now (null: for nobody). */
  identified(user: AuthUser | null): void;
  /** Tasks changed elsewhere. */
  changed(changes: TaskChange[]): void;
  reminded(reminder: Reminder): void;
}

export function attach(el: TodoAssistant, link: LinkCallbacks): Attachment {
  return new Attachment(el, link);
}

/**
 * Who is signed in, found out without the panel: the host's `getToken` (a token, exchanged on a site), else the
 * account session or the site's guest this browser remembers (no request is made for anyone else). `changed`
 * is called when the remembered session changes (signed in or out in another tab).
 */
async function probe(
  el: TodoAssistant,
  changed: () => void,
): Promise<{ identity: Identity | null; unwatch?: () => void }> {
  const api = el.api();
  const getToken = el.getToken;
  if (getToken) {
    const tokens = el.hostTokenSource(() =>
      hostTokenSource(getToken, el.site ? { apiUrl: api, id: el.site } : undefined),
    );
    const token = await tokens.token().catch(() => null);
    const user = token ? userFromJwt(token) : undefined;
    return { identity: user ? { tokens, user } : null };
  }
  const session = sessionFor(api);
  if (session.user)
    return { identity: { tokens: session, user: session.user }, unwatch: session.subscribe(changed) };
  const guest = el.site ? guestFor(api, el.site) : undefined;
  if (guest?.user)
    return { identity: { tokens: guest, user: guest.user }, unwatch: guest.subscribe(changed) };
  return { identity: null, unwatch: session.subscribe(changed) };
}

/** One `<todo-assistant>` in the page's stream of its user's task events (one stream per API and user). */
export class Attachment {
  private membership?: StreamMembership;
  private member?: StreamMember;
  private key?: string;
  private unwatch?: () => void;
  private generation = 0;
  private known: Identity | null | undefined;

  constructor(
    private readonly el: TodoAssistant,
    private readonly link: LinkCallbacks,
  ) {}

  /** `known`: who the panel's controller says is signed in; undefined before it has said. */
  async identify(known: Identity | null | undefined): Promise<void> {
    const generation = ++this.generation;
    this.known = known;
    this.unwatch?.();
    this.unwatch = undefined;
    let identity = known;
    if (identity === undefined) {
      // Told after the session's listeners have run (this subscribes anew, which must not happen among them).
      const found = await probe(this.el, () => setTimeout(() => void this.identify(this.known)));
      if (generation !== this.generation) {
        found.unwatch?.();
        return;
      }
      this.unwatch = found.unwatch;
      identity = found.identity;
    }
    this.use(identity);
  }

  /** The person's choice about notifications changed: the stream may stay open while the page is hidden. */
  refresh(): void {
    this.membership?.update();
  }

  dispose(): void {
    this.generation++;
    this.unwatch?.();
    this.use(null);
  }

  private use(identity: Identity | null): void {
    const api = this.el.api();
    const key = identity ? `${api} ${identity.user.id}` : undefined;
    if (identity && key === this.key && this.member) {
      this.member.tokens = identity.tokens; // the same user, another way to their token (the panel's)
      this.membership?.update();
      return;
    }
    this.membership?.leave();
    this.membership = this.member = undefined;
    this.key = key;
    this.link.identified(identity?.user ?? null);
    if (!identity) return;
    this.member = {
      element: this.el,
      tokens: identity.tokens,
      changed: (changes) => this.link.changed(changes),
      reminded: (reminder) => this.link.reminded(reminder),
      answering: () => this.el.answering,
    };
    this.membership = joinStream(api, identity.user.id, this.member);
  }
}
