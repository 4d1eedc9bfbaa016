import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { TasksModule } from '../tasks/tasks.module';
import { Reminders } from './reminders.service';

/** Task reminders on the job engine: `task.due` events at each task's reminder time. */
@Module({ imports: [TasksModule, EventsModule], providers: [Reminders] })
export class RemindersModule {}
