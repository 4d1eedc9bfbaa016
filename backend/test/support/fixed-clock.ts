import { Clock } from '../../src/common/clock';
import type { ProviderOverride } from './test-app-overrides';

/** Wednesday 9 December 2026, 10:00 UTC (11:00 in Berlin, 05:00 in New York): "now" in the date specs. */
export const FIXED_NOW = new Date('2026-12-09T10:00:00.000Z');

/** A clock a test sets; the backend's date logic (overdue, today, "tomorrow", next occurrences) reads it. */
export class TestClock extends Clock {
  constructor(public current: Date = FIXED_NOW) {
    super();
  }

  override now(): Date {
    return new Date(this.current);
  }
}

/** The override that gives the backend `clock` (startTestAppWith). */
export function clockOverride(clock: TestClock): ProviderOverride {
  return { provide: Clock, useValue: clock };
}
