import { Controller, Get, Headers, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuthUser } from '../auth/auth-user';
import { SseWriter } from '../chat/sse';
import { CurrentUser } from '../common/current-user.decorator';
import { DomainError } from '../common/domain-error';
import type { TaskEvent } from './task-event';
import { TaskEventsHub } from './task-events.hub';

/**
 * `GET /api/events`: the signed-in user's task events as Server-Sent Events (`id:`, `event: task.created`…, one JSON
 * line), heartbeats while quiet, and what was missed since `Last-Event-ID` (the last hour) first.
 */
@ApiTags('events')
@ApiBearerAuth()
@Controller('api/events')
export class EventsController {
  constructor(private readonly hub: TaskEventsHub) {}

  @Get()
  @ApiOperation({ summary: "The user's task events, live (text/event-stream)" })
  @ApiProduces('text/event-stream')
  @ApiQuery({
    name: 'last_event_id',
    required: false,
    description: 'For clients that cannot send Last-Event-ID',
  })
  async stream(
    @CurrentUser() user: AuthUser,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Query('last_event_id') lastEventIdQuery: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const after = lastEventId ?? lastEventIdQuery;
    if (after !== undefined && !/^\d{1,18}$/.test(after))
      throw new DomainError('invalid_input', 'Last-Event-ID must be the id of an event this stream sent.');
    const sse = new SseWriter(res);
    sse.open();
    // Live events are held back while the missed ones are read, then sent after them without repeats.
    let replaying = after !== undefined;
    let sentUpTo = BigInt(after ?? 0);
    const held: TaskEvent[] = [];
    const send = (e: TaskEvent) => {
      if (BigInt(e.id) <= sentUpTo) return;
      sentUpTo = BigInt(e.id);
      void sse.send({ id: e.id, event: e.type, data: e });
    };
    const unsubscribe = this.hub.subscribe(user.id, {
      event: (e) => (replaying ? held.push(e) : send(e)),
      heartbeat: () => sse.comment('heartbeat'),
    });
    req.once('close', unsubscribe);
    res.once('close', unsubscribe);
    sse.comment('connected');
    if (after !== undefined) {
      for (const e of await this.hub.events.after(user.id, after)) send(e);
      replaying = false;
      for (const e of held.splice(0).sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)))) send(e);
    }
  }
}
