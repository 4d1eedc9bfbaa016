import { Global, Module } from '@nestjs/common';
import { EventsController } from './events.controller';
import { TaskEventsHub } from './task-events.hub';

/** Task events: one stream of every change (and reminder), to live streams, other instances and webhooks. */
@Global()
@Module({
  controllers: [EventsController],
  providers: [TaskEventsHub],
  exports: [TaskEventsHub],
})
export class EventsModule {}
