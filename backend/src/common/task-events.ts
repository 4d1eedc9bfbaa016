import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type { Task } from '../tasks/task.entity';

/** A change to one of a user's tasks; `task_id` is the user's task number. */
export interface TaskChangedEvent {
  userId: string;
  action: 'created' | 'updated' | 'completed' | 'reopened' | 'deleted';
  taskId: number;
  title: string;
  /** The task as it is after the change (as it was, for a deletion). */
  task: Task;
  /** The change log batch the change was recorded in (what an undo of it reverses); absent for an undo. */
  batch?: string;
  /**
   * Set when the change left the task's reminder as it was (same `remind_at`, not re-armed, still open): a rename,
   * a new priority or tags. Absent means it may have moved, so a reader that keeps reminders looks again.
   */
  reminderKept?: true;
}

/** Typed map of the backend's in-process events. */
export interface BackendEvents {
  'task.changed': TaskChangedEvent;
}

/** In-process, typed event bus. It carries no state between requests. */
@Injectable()
export class BackendEventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0); // one listener per in-flight chat turn
  }

  emit<K extends keyof BackendEvents>(name: K, event: BackendEvents[K]): void {
    this.emitter.emit(name, event);
  }

  /** Subscribes and returns the function that unsubscribes. */
  on<K extends keyof BackendEvents>(name: K, listener: (event: BackendEvents[K]) => void): () => void {
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }
}
