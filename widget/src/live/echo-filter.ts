/**
 * Tells the changes made elsewhere from the echoes of this page's own. A change an assistant on the page made is
 * told to the page by its turn (`tasks.changed`, source `assistant`) and comes back on the live stream as an event;
 * it must not be told twice. The two race: the event usually arrives while the turn is still answering, sometimes
 * just after it ended. So events that arrive while a turn of this page runs are held until it ends (a moment
 * longer, at most `maxHoldMs`) and dropped when the turn reports the same change; changes a turn reported are
 * remembered for `rememberMs`, so an event arriving after the turn is dropped too. The rest is released: remote.
 *
 * Keys say what changed (see `echoKey`): the same change made elsewhere in the same moment would be taken for an
 * echo, which costs nothing but its second telling.
 */
export interface EchoFilterOptions {
  /** How long after the last turn ended held events wait for its changes. */
  graceMs: number;
  /** How long an event is held at most, however long a turn runs. */
  maxHoldMs: number;
  /** How long a change reported by a turn still cancels its event. */
  rememberMs: number;
}

const DEFAULTS: EchoFilterOptions = { graceMs: 300, maxHoldMs: 20_000, rememberMs: 10_000 };

export class EchoFilter<T> {
  private readonly busy = new Set<object>();
  private held: Array<{ key: string; item: T; until: number }> = [];
  private reported: Array<{ key: string; until: number }> = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pausedAt: number | null = null;
  private readonly options: EchoFilterOptions;

  constructor(
    private readonly release: (items: T[]) => void,
    options: Partial<EchoFilterOptions> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** A turn of `who` (an assistant on the page) started: it may change tasks. */
  turnStarted(who: object): void {
    this.busy.add(who);
  }

  /** The turn of `who` ended (or `who` left the page): what it did not report goes out after the grace. */
  turnEnded(who: object): void {
    if (!this.busy.delete(who) || this.busy.size) return;
    const until = this.now() + this.options.graceMs;
    for (const h of this.held) h.until = Math.min(h.until, until);
    this.schedule();
  }

  /** Changes a turn of this page reported: their events are echoes. */
  reportedHere(keys: string[]): void {
    const until = this.now() + this.options.rememberMs;
    for (const key of keys) {
      const i = this.held.findIndex((h) => h.key === key);
      if (i >= 0) this.held.splice(i, 1);
      else this.reported.push({ key, until });
    }
  }

  /** An event from the stream: released at once, held, or dropped as an echo. */
  received(key: string, item: T): void {
    const now = this.now();
    this.reported = this.reported.filter((r) => r.until > now);
    const i = this.reported.findIndex((r) => r.key === key);
    if (i >= 0) {
      this.reported.splice(i, 1);
      return;
    }
    if (!this.busy.size && !this.held.length) {
      this.release([item]);
      return;
    }
    // Behind held events (in order), or while a turn runs.
    const until = this.busy.size ? now + this.options.maxHoldMs : now + this.options.graceMs;
    this.held.push({ key, item, until });
    this.schedule();
  }

  /**
   * The stream closed (the page is hidden): what turns reported is kept for when it resumes, whose replay brings
   * their events (a turn may have ended while the page was hidden).
   */
  pause(): void {
    this.pausedAt ??= this.now();
  }

  resume(): void {
    if (this.pausedAt === null) return;
    const paused = this.now() - this.pausedAt;
    this.pausedAt = null;
    for (const r of this.reported) r.until += paused;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.held = [];
    this.reported = [];
    this.busy.clear();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (!this.held.length) return;
    const next = Math.min(...this.held.map((h) => h.until));
    this.timer = setTimeout(() => this.flush(), Math.max(0, next - this.now()));
  }

  /** Releases, in order, every held event up to the last one whose time is up. */
  private flush(): void {
    const now = this.now();
    let last = -1;
    this.held.forEach((h, i) => {
      if (h.until <= now) last = i;
    });
    if (last >= 0) this.release(this.held.splice(0, last + 1).map((h) => h.item));
    this.schedule();
  }
}
