import { msg } from '@lit/localize';
import type { ReactiveController } from 'lit';
import { guestKey, notifyKey, sessionKey, storageGet, storageSet } from '../auth/storage.js';
import type { TokenSource } from '../auth/token-source.js';
import type { AuthUser, TaskChange, TasksChangedDetail } from '../events.js';
import type { TodoAssistant } from '../todo-assistant.js';
import type { Attachment } from './live-chunk.js';

/** Who is signed in, and how to get their token. */
export interface Identity {
  tokens: TokenSource;
  user: AuthUser;
}

/** A reminder shown in the panel until it is dismissed (or its task is done or deleted). */
export interface Reminder {
  /** The event's id. */
  id: string;
  taskId: number;
  message: string;
}

/**
 * `offer`: the panel offers "Notify me when the page is hidden"; `on`: the person asked for it and the browser
 * allows it; `blocked`: the browser refuses notifications to this site; `unavailable`: no notifications here.
 */
export type NotifyState = 'offer' | 'on' | 'blocked' | 'unavailable';

const MAX_REMINDERS = 5;

/**
 * The element's end of the live stream of task events (`live-chunk.ts` and `task-stream.ts`, loaded only when
 * someone is signed in): which user the stream is for, the reminders to show in the panel and the count on the
 * launcher. Before the panel was ever opened it finds out who is signed in on its own, but only where a page
 * load costs nothing to a visitor who never signed in: the host's `getToken`, or a session or guest remembered
 * in this browser. Once the panel's controller knows, it says so (`signedIn`).
 */
export class LiveLink implements ReactiveController {
  reminders: Reminder[] = [];
  /** Reminders that arrived while the launcher's panel was closed. */
  unseen = 0;
  /** Said once the person answered the browser's question about notifications. */
  notifyNote = '';

  private attachment?: Promise<Attachment>;
  /** Who the panel's controller says is signed in; undefined until it has said. */
  private known: Identity | null | undefined;
  private userId: string | null = null;
  private scheduled = false;

  constructor(private readonly host: TodoAssistant) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('todo-assistant-tasks-changed', this.onTasksChanged);
    this.sync();
  }

  hostDisconnected(): void {
    this.host.removeEventListener('todo-assistant-tasks-changed', this.onTasksChanged);
    void this.attachment?.then((a) => a.dispose());
    this.attachment = undefined;
    this.known = undefined;
  }

  /** The panel's controller knows who is signed in (null: nobody). */
  signedIn(identity: Identity | null): void {
    this.known = identity;
    this.sync();
  }

  /** The host's user changed before the panel was ever opened: find out again. */
  restart(): void {
    this.known = undefined;
    this.sync();
  }

  get notify(): NotifyState {
    if (typeof Notification === 'undefined') return 'unavailable';
    if (Notification.permission === 'denied') return 'blocked';
    return Notification.permission === 'granted' && storageGet(notifyKey(this.host.api())) === 'on'
      ? 'on'
      : 'offer';
  }

  /**
   * "Notify me when the page is hidden": the browser asks the person (only ever from this press); once they
   * allow it, reminders that arrive while the page is hidden become system notifications, and the stream stays
   * open while the page is hidden.
   */
  enableNotifications(): void {
    if (typeof Notification === 'undefined') return;
    void Notification.requestPermission().then((answer) => {
      if (answer === 'granted') {
        storageSet(notifyKey(this.host.api()), 'on');
        this.notifyNote = msg('You’ll get a notification for reminders while this page is hidden.');
      } else if (answer === 'denied') {
        this.notifyNote = msg('Notifications are blocked for this site in your browser.');
      }
      void this.attachment?.then((a) => a.refresh());
      this.host.requestUpdate();
    });
  }

  dismiss(id: string): void {
    this.reminders = this.reminders.filter((r) => r.id !== id);
    if (!this.reminders.length) this.notifyNote = '';
    this.host.requestUpdate();
  }

  /** The panel was opened: the launcher's count goes. */
  seen(): void {
    this.unseen = 0;
  }

  private sync(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // After the current task: the page may still be setting attributes and getToken.
    setTimeout(() => {
      this.scheduled = false;
      this.connect();
    }, 0);
  }

  private connect(): void {
    const host = this.host;
    if (!host.isConnected || host.preview || !host.api()) return;
    if (!this.attachment) {
      if (this.known === null || (this.known === undefined && !signedInBefore(host))) return;
      const attaching = import('./live-chunk.js').then((m) =>
        m.attach(host, {
          identified: (user) => this.identified(user),
          changed: (changes) => this.changed(changes),
          reminded: (reminder) => this.reminded(reminder),
        }),
      );
      this.attachment = attaching;
      attaching.catch(() => {
        if (this.attachment === attaching) this.attachment = undefined;
      });
    }
    void this.attachment.then((a) => a.identify(this.known)).catch(() => undefined);
  }

  /** The stream is for this user now (null: none): another user's reminders go. */
  private identified(user: AuthUser | null): void {
    const id = user?.id ?? null;
    if (id === this.userId) return;
    this.userId = id;
    this.reminders = [];
    this.unseen = 0;
    this.notifyNote = '';
    this.host.requestUpdate();
  }

  /** Tasks changed elsewhere: open task lists follow. */
  private changed(changes: TaskChange[]): void {
    this.settle(changes);
    this.host.tasksChangedElsewhere(changes);
  }

  private reminded(reminder: Reminder): void {
    const others = this.reminders.filter((r) => r.taskId !== reminder.taskId);
    this.reminders = [reminder, ...others].slice(0, MAX_REMINDERS);
    if (this.host.mode !== 'inline' && !this.host.open) this.unseen++;
    this.host.requestUpdate();
  }

  private readonly onTasksChanged = (e: CustomEvent<TasksChangedDetail>): void =>
    this.settle(e.detail.changes);

  /** A reminder of a task that is done or gone is not needed any more. */
  private settle(changes: TaskChange[]): void {
    const over = new Set(changes.filter((c) => c.action === 'deleted' || c.completed).map((c) => c.task_id));
    if (!over.size || !this.reminders.some((r) => over.has(r.taskId))) return;
    this.reminders = this.reminders.filter((r) => !over.has(r.taskId));
    this.host.requestUpdate();
  }
}

/** Whether a user may be signed in already, known without a request: nobody else is worth one. */
function signedInBefore(host: TodoAssistant): boolean {
  const api = host.api();
  return (
    !!host.getToken ||
    storageGet(sessionKey(api)) !== null ||
    (!!host.site && storageGet(guestKey(api, host.site)) !== null)
  );
}
