import type { ReactiveControllerHost } from 'lit';
import type { ChatKitClient } from './chatkit-client.js';
import { describe } from './conversation.js';
import type { Thread } from './protocol.js';

const THREADS_PAGE = 20;

/** The user's conversations, newest first: loading page by page, renaming and deleting (after a confirmation). */
export class ThreadList {
  /** null while the first page loads. */
  threads: Thread[] | null = null;
  after: string | undefined;
  /** The thread whose title is being edited, or whose deletion waits for a confirmation. */
  editing: string | null = null;
  confirming: string | null = null;
  failure = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly client: () => ChatKitClient,
    /** Told when a thread was renamed or deleted, so the open conversation can follow. */
    private readonly changed: (thread: Thread, deleted: boolean) => void,
  ) {}

  private set(patch: Partial<ThreadList>): void {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }

  async load(more = false): Promise<void> {
    this.set({ failure: '', editing: null, confirming: null, ...(more ? {} : { threads: null }) });
    try {
      const page = await this.client().request('threads.list', {
        limit: THREADS_PAGE,
        order: 'desc',
        ...(more && this.after ? { after: this.after } : {}),
      });
      this.set({
        threads: more ? [...(this.threads ?? []), ...page.data] : page.data,
        after: page.has_more ? page.after : undefined,
      });
    } catch (err) {
      // A first page that failed stays unknown (null): the list offers Retry rather than "no conversations".
      this.set({ failure: describe(err) });
    }
  }

  async rename(thread: Thread, title: string): Promise<boolean> {
    try {
      const updated = await this.client().request('threads.update', { thread_id: thread.id, title });
      this.set({
        threads: (this.threads ?? []).map((t) => (t.id === thread.id ? updated : t)),
        editing: null,
      });
      this.changed(updated, false);
      return true;
    } catch (err) {
      this.set({ failure: describe(err) });
      return false;
    }
  }

  async remove(thread: Thread): Promise<boolean> {
    try {
      await this.client().request('threads.delete', { thread_id: thread.id });
      this.set({ threads: (this.threads ?? []).filter((t) => t.id !== thread.id), confirming: null });
      this.changed(thread, true);
      return true;
    } catch (err) {
      this.set({ failure: describe(err) });
      return false;
    }
  }

  edit(threadId: string | null): void {
    this.set({ editing: threadId, confirming: null });
  }

  confirm(threadId: string | null): void {
    this.set({ confirming: threadId, editing: null });
  }
}
