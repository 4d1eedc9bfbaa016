import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Job } from 'pg-boss';
import { BackendEventBus } from '../common/task-events';
import { TaskEventsHub } from '../events/task-events.hub';
import { Jobs } from '../jobs/jobs.service';
import type { Task } from '../tasks/task.entity';
import { toTaskView } from '../tasks/task.view';
import { TasksService } from '../tasks/tasks.service';

const QUEUE = 'task-reminders';
/** Every instance sweeps this often; the task row decides, so a reminder fires once however many sweep. */
const SWEEP_MS = 60_000;
/** A reminder fired this long after its time is marked late (everything was down, or very busy). */
const LATE_AFTER_MS = 60_000;
/** The sweep leaves a reminder this long to its own job first. */
const SWEEP_GRACE_SECONDS = 30;
const SWEEP_BATCH = 500;

interface ReminderJob {
  userId: string;
  taskId: number;
  /** The instant the job was made for (ISO 8601): a task that reminds at another time by now is left alone. */
  at: string;
}

/**
 * Reminders: a job per reminder in the job engine (pg-boss), due at its instant, made when a task with a reminder
 * not fired yet is created, reopened or has that reminder moved (not on a rename); the one instance that takes it
 * fires a `task.due` event (stream, webhooks) — the task row decides, so a stale job or a second instance fires
 * nothing. Jobs live in the database, so a restart loses none; one whose time passed while everything was down
 * runs when an instance is back, marked late. A sweep every minute on every instance (and at start) fires what a
 * job missed (a crash between the change and its job).
 */
@Injectable()
export class Reminders implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Reminders');
  private unsubscribe?: () => void;
  private sweeper?: NodeJS.Timeout;

  constructor(
    private readonly bus: BackendEventBus,
    private readonly jobs: Jobs,
    private readonly tasks: TasksService,
    private readonly hub: TaskEventsHub,
  ) {}

  async onModuleInit(): Promise<void> {
    // A job only when the reminder may have moved: not for a rename, new tags or a priority (the job made before
    // still stands), nor for a deleted task (its job would find nothing to fire).
    this.unsubscribe = this.bus.on('task.changed', (e) => {
      if (!e.reminderKept && e.action !== 'deleted') void this.schedule(e.userId, e.task);
    });
    await this.jobs.ready();
    const boss = this.jobs.boss;
    await boss.createQueue(QUEUE);
    await boss.work<ReminderJob>(QUEUE, { pollingIntervalSeconds: 0.5 }, ([job]) => this.fire(job));
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_MS).unref();
    void this.sweep();
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
    clearInterval(this.sweeper);
  }

  private async schedule(userId: string, task: Task): Promise<void> {
    if (!task.remindAt || task.remindedAt || task.completed) return;
    try {
      await this.jobs.boss.send(
        QUEUE,
        { userId, taskId: task.number, at: task.remindAt.toISOString() },
        { startAfter: task.remindAt, retryLimit: 5, retryDelay: 5 },
      );
    } catch (err) {
      // The sweep fires it within a minute of its time.
      this.logger.warn(`reminder not scheduled: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private async fire(job: Job<ReminderJob>): Promise<void> {
    const { userId, taskId, at } = job.data;
    const task = await this.tasks.fireReminder(userId, taskId, new Date(at));
    if (task) await this.announce(task);
  }

  private async sweep(): Promise<void> {
    try {
      for (const task of await this.tasks.fireMissedReminders(SWEEP_GRACE_SECONDS, SWEEP_BATCH))
        await this.announce(task);
    } catch (err) {
      this.logger.warn(`reminder sweep failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private async announce(task: Task): Promise<void> {
    const late = !!task.remindAt && Date.now() - task.remindAt.getTime() > LATE_AFTER_MS;
    await this.hub.publish(task.userId, 'task.due', toTaskView(task), late);
    if (late)
      this.logger.log(`late reminder for task ${task.number} (was due ${task.remindAt?.toISOString()})`);
  }
}
