import { msg } from '@lit/localize';
import { EventSourceParserStream } from 'eventsource-parser/stream';
import { notifyKey, storageGet } from '../auth/storage.js';
import { authorizedFetch, type TokenSource } from '../auth/token-source.js';
import { emit, type TaskChange, type TasksChangedDetail } from '../events.js';
import { EchoFilter } from './echo-filter.js';
import type { Reminder } from './live-link.js';
import {
  changeKey,
  eventKey,
  parseTaskEvent,
  asReminder,
  reminderBody,
  toTaskChange,
  type TaskEvent,
} from './task-events.js';

/** One `<todo-assistant>` of the page in a stream. */
export interface StreamMember {
  /** The element: the page hears the stream's events from the first member; each member's turns are watched. */
  element: HTMLElement & { show?(): void; languageTag?(): string };
  /** How to get the user's token (the first member's is used). */
  tokens: TokenSource;
  /** Tasks changed elsewhere (remote, or by another assistant on this page): for its open task lists. */
  changed(changes: TaskChange[]): void;
  reminded(reminder: Reminder): void;
  /** An answer of this member is streaming now (it started before the member joined). */
  answering(): boolean;
}

export interface StreamMembership {
  leave(): void;
  /** Look again whether the stream should be open (the member's token or the person's choices changed). */
  update(): void;
}

/** Reconnecting waits this long after a failure, doubling up to the maximum (with jitter). */
const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 30_000;
/** The backend sends a heartbeat every 20 s: a connection silent for longer than this is taken for dead. */
const SILENCE_MS = 50_000;

const streams = new Map<string, TaskStream>();

/** Joins the page's stream of this user's task events at this API, opening it for the first member. */
export function joinStream(apiUrl: string, userId: string, member: StreamMember): StreamMembership {
  const key = `${apiUrl} ${userId}`;
  let stream = streams.get(key);
  if (!stream) {
    const made = new TaskStream(apiUrl, () => streams.get(key) === made && streams.delete(key));
    streams.set(key, (stream = made));
  }
  const joined = stream;
  joined.add(member);
  return { leave: () => joined.remove(member), update: () => joined.update(true) };
}

interface Joined {
  member: StreamMember;
  off: () => void;
}

function sleep(ms: number, signal: AbortSignal, wake: (fn: () => void) => void): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    wake(done);
  });
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly retryAfterMs: number,
  ) {
    super(`GET /api/events answered ${status}`);
  }
}

/**
 * The page's one stream of a user's task events (`GET /api/events`), shared by every assistant on the page signed
 * in as that user. Open while the page is visible (and, for a person who asked to be notified, while it is
 * hidden); closed when it is hidden and opened again when it is visible, resuming after the last event it got
 * (`?last_event_id=`: the backend replays the last hour), so nothing is lost. A fetch stream rather than
 * EventSource, which cannot send the bearer token; parsed by eventsource-parser; reconnected with exponential
 * backoff. Change events the page's own assistants made are told by their turns, not again (see EchoFilter).
 */
export class TaskStream {
  private readonly joined: Joined[] = [];
  private readonly echoes = new EchoFilter<TaskEvent>((events) => this.tellRemote(events));
  private lastEventId: string | undefined;
  private abort: AbortController | null = null;
  /** The server refused the token and no other could be had: not opened again until a member says who is in. */
  private refused = false;
  private wake: (() => void) | null = null;

  constructor(
    private readonly apiUrl: string,
    private readonly ended: () => void,
  ) {}

  add(member: StreamMember): void {
    const el = member.element;
    const started = () => this.echoes.turnStarted(member);
    const finished = () => this.echoes.turnEnded(member);
    const reported = (e: CustomEvent<TasksChangedDetail>) => {
      if (e.detail.source !== 'assistant') return;
      this.echoes.reportedHere(e.detail.changes.map(changeKey));
      // The other assistants on the page did not make it: their open lists follow it.
      for (const j of this.joined) if (j.member !== member) j.member.changed(e.detail.changes);
    };
    el.addEventListener('todo-assistant-response-start', started);
    el.addEventListener('todo-assistant-response-end', finished);
    el.addEventListener('todo-assistant-tasks-changed', reported);
    const off = () => {
      el.removeEventListener('todo-assistant-response-start', started);
      el.removeEventListener('todo-assistant-response-end', finished);
      el.removeEventListener('todo-assistant-tasks-changed', reported);
      this.echoes.turnEnded(member);
    };
    this.joined.push({ member, off });
    if (member.answering()) started(); // joined mid-answer: that answer's changes are echoes too
    if (this.joined.length === 1) {
      document.addEventListener('visibilitychange', this.onVisibility);
      addEventListener('online', this.onOnline);
    }
    this.update(true);
  }

  remove(member: StreamMember): void {
    const i = this.joined.findIndex((j) => j.member === member);
    if (i < 0) return;
    this.joined.splice(i, 1)[0].off();
    if (this.joined.length) return;
    document.removeEventListener('visibilitychange', this.onVisibility);
    removeEventListener('online', this.onOnline);
    this.stop();
    this.echoes.dispose();
    this.ended();
  }

  /**
   * Opens or closes the stream as the page's visibility, the members and the person's choices say. `fresh`: a
   * member said who is signed in, so a token the server refused before may have been replaced.
   */
  update(fresh = false): void {
    if (fresh) this.refused = false;
    const wanted =
      this.joined.length > 0 &&
      !this.refused &&
      (document.visibilityState !== 'hidden' || notifyingWhileHidden(this.apiUrl));
    if (wanted && !this.abort) this.start();
    else if (!wanted && this.abort) this.stop();
  }

  private readonly onVisibility = (): void => this.update();
  /** Back online: no need to wait out the backoff. */
  private readonly onOnline = (): void => this.wake?.();

  private start(): void {
    this.echoes.resume();
    const abort = (this.abort = new AbortController());
    void this.run(abort.signal);
  }

  private stop(): void {
    this.abort?.abort();
    this.abort = null;
    this.echoes.pause();
  }

  private async run(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      let wait: number;
      const opened = Date.now();
      try {
        await this.connect(signal);
        // It was open: come back soon (a server that keeps closing at once is backed off from all the same).
        if (Date.now() - opened > 5_000) failures = 0;
        wait = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** failures++);
      } catch (err) {
        if (signal.aborted) return;
        if (err instanceof HttpError && err.status === 401) {
          // Nobody is signed in any more (another token may come: the panel says who, then this runs again).
          this.refused = true;
          this.abort = null;
          return;
        }
        if (err instanceof HttpError && err.status === 400) this.lastEventId = undefined; // not an id it knows
        const backoff = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** failures++);
        wait = Math.max(err instanceof HttpError ? err.retryAfterMs : 0, backoff * (0.5 + Math.random() / 2));
      }
      await sleep(wait, signal, (fn) => (this.wake = fn));
      this.wake = null;
    }
  }

  /** One connection, until it ends (the server closed it, or it fell silent). Throws when it cannot open. */
  private async connect(signal: AbortSignal): Promise<void> {
    const member = this.joined[0]?.member;
    if (!member) return;
    const url = new URL(`${this.apiUrl}/api/events`);
    // The query, not the Last-Event-ID header: a cross-origin request could only send that one after a preflight
    // that allows it.
    if (this.lastEventId) url.searchParams.set('last_event_id', this.lastEventId);
    const connection = new AbortController();
    const cut = () => connection.abort();
    signal.addEventListener('abort', cut, { once: true });
    let silence: ReturnType<typeof setTimeout> | undefined;
    const heard = () => {
      clearTimeout(silence);
      silence = setTimeout(cut, SILENCE_MS);
    };
    try {
      const fetchWithToken = authorizedFetch(member.tokens, () => undefined);
      const res = await fetchWithToken(url, {
        headers: { accept: 'text/event-stream' },
        cache: 'no-store',
        signal: connection.signal,
      });
      if (!res.ok || !res.body || !res.headers.get('content-type')?.startsWith('text/event-stream')) {
        const retryAfter = Number(res.headers.get('retry-after'));
        await res.body?.cancel().catch(() => undefined);
        throw new HttpError(res.status, retryAfter > 0 ? retryAfter * 1000 : 0);
      }
      heard();
      const reader = res.body
        .pipeThrough(new TextDecoderStream())
        .pipeThrough(new EventSourceParserStream({ onComment: heard }))
        .getReader();
      for (;;) {
        const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
        if (chunk.done) return;
        heard();
        if (chunk.value.id) this.lastEventId = chunk.value.id;
        const event = parseTaskEvent(chunk.value.data);
        if (!event) continue;
        this.lastEventId = chunk.value.id ?? event.id;
        if (event.type === 'task.due') this.remind(event);
        else this.echoes.received(eventKey(event), event);
      }
    } finally {
      clearTimeout(silence);
      signal.removeEventListener('abort', cut);
      connection.abort();
    }
  }

  /** Changes made elsewhere: the page hears them once (from the first assistant); every open list follows. */
  private tellRemote(events: TaskEvent[]): void {
    const first = this.joined[0]?.member;
    if (!first) return;
    const changes = events.map(toTaskChange);
    emit(first.element, 'todo-assistant-tasks-changed', { changes, source: 'remote' });
    for (const j of this.joined) j.member.changed(changes);
  }

  /** A task is due: every panel shows it, the page hears it once, and a hidden page notifies if asked to. */
  private remind(event: TaskEvent): void {
    const first = this.joined[0]?.member;
    if (!first) return;
    const body = reminderBody(event.task, new Date(), first.element.languageTag?.());
    const message = asReminder(body);
    emit(first.element, 'todo-assistant-reminder', { task: event.task, late: event.late === true, message });
    for (const j of this.joined) j.member.reminded({ id: event.id, taskId: event.task.id, message });
    if (document.visibilityState === 'hidden' && notifyingWhileHidden(this.apiUrl)) {
      try {
        const note = new Notification(msg('Reminder'), {
          body,
          tag: `todo-assistant-reminder-${event.task.id}`,
        });
        note.onclick = () => {
          window.focus();
          first.element.show?.();
          note.close();
        };
      } catch {
        /* a browser that only notifies from a service worker: the panel shows it */
      }
    }
  }
}

/** The person asked, in the panel, to be notified while the page is hidden, and the browser allows it. */
function notifyingWhileHidden(apiUrl: string): boolean {
  return (
    typeof Notification !== 'undefined' &&
    Notification.permission === 'granted' &&
    storageGet(notifyKey(apiUrl)) === 'on'
  );
}
