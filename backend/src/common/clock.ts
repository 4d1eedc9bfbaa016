import { Injectable } from '@nestjs/common';

/**
 * The current time for everything that reads it to decide (overdue, today, "tomorrow", the next occurrence of a
 * recurring task), so that a test can fix "now" for the whole backend. SQL defaults (created_at) keep now().
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
