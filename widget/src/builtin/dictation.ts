import { msg, str } from '@lit/localize';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Capabilities } from '../capabilities.js';
import type { ChatKitClient } from './chatkit-client.js';
import type { Listening } from './recorder.js';
import { cannotStartMicrophone } from './dictation-words.js';

/** Who turns speech into text: our server's transcription model, or the browser's own recognition. */
export type DictationSource = 'server' | 'browser';
export type DictationPhase = 'idle' | 'starting' | 'listening' | 'transcribing';

/** The longest dictation, unless the server's size limit allows less. */
export const MAX_SECONDS = 60;
/** What the recorder asks for (opus): it sizes the time limit from the server's byte limit. */
const BITS_PER_SECOND = 32_000;

export interface DictationOptions {
  client: () => ChatKitClient;
  /** The language the browser's recognition listens for. */
  lang: () => string;
  /** The level meter, drawn every frame while listening (its `--level` is 0 to 1). */
  meter: () => HTMLElement | null;
  /** The text reached the message field's owner: put it there to review. */
  deliver: (text: string) => void;
}

/** Whether this browser has speech recognition of its own (Chromium's and Safari's are prefixed). */
function browserRecognises(): boolean {
  return (
    typeof window !== 'undefined' && ('SpeechRecognition' in window || 'webkitSpeechRecognition' in window)
  );
}

/**
 * The microphone of the built-in composer: offered when the server transcribes (or, without a transcription
 * model, when the browser recognises speech itself); press to listen, press again or Escape to stop; the text
 * goes to the message field, never sent by itself. The recording code loads on the first press.
 */
export class Dictation implements ReactiveController {
  source: DictationSource | null = null;
  phase: DictationPhase = 'idle';
  /** What the panel says: how it is going (polite), or what went wrong (an alert). */
  message: { text: string; problem: boolean } | null = null;
  /** The longest recording, in seconds. */
  maxSeconds = MAX_SECONDS;
  private listening: Listening | null = null;
  private frame = 0;
  private startedAt = 0;
  private connected = false;
  private abandon = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: DictationOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
  }

  hostDisconnected(): void {
    this.connected = false;
    this.listening?.cancel();
    this.listening = null;
    cancelAnimationFrame(this.frame);
    if (this.phase !== 'idle') this.phase = 'idle';
  }

  /** Decides whether there is a microphone, from the server's capabilities (null: none asked, e.g. a preview). */
  async offer(transcription: Promise<Capabilities['transcription']> | undefined): Promise<void> {
    const server = transcription ? await transcription : null;
    if (server?.available) {
      this.source = 'server';
      if (server.max_bytes) {
        // Room for the container and a bitrate that runs a little over what was asked.
        const seconds = Math.floor((server.max_bytes * 0.8) / (BITS_PER_SECOND / 8));
        this.maxSeconds = Math.max(1, Math.min(MAX_SECONDS, seconds));
      }
    } else {
      this.source = transcription && browserRecognises() ? 'browser' : null;
    }
    this.host.requestUpdate();
  }

  get active(): boolean {
    return this.phase === 'starting' || this.phase === 'listening';
  }

  /** The microphone button: start, or stop and transcribe. */
  toggle(): void {
    if (this.phase === 'idle') void this.start();
    else if (this.phase === 'listening') void this.finish(false);
  }

  /** Escape: stops listening (and transcribes what was said), or gives up while the microphone starts. */
  stop(): void {
    if (this.phase === 'listening') void this.finish(false);
    else if (this.phase === 'starting') this.abandon = true;
  }

  /** The message was sent: what the microphone last said is old news. */
  clearMessage(): void {
    if (this.message && !this.active) {
      this.message = null;
      this.host.requestUpdate();
    }
  }

  /** Seconds since listening began (for the timer next to the meter). */
  elapsed(): number {
    return this.phase === 'listening' ? Math.floor((performance.now() - this.startedAt) / 1000) : 0;
  }

  private say(text: string, problem = false): void {
    this.message = { text, problem };
    this.host.requestUpdate();
  }

  private async start(): Promise<void> {
    this.phase = 'starting';
    this.abandon = false;
    this.say(msg('Starting the microphone…'));
    let listening: Listening;
    try {
      const recorder = await import('./recorder.js');
      const maxMs = this.maxSeconds * 1000;
      listening =
        this.source === 'server'
          ? await recorder.record(maxMs, BITS_PER_SECOND)
          : await recorder.recognise(this.options.lang(), maxMs);
    } catch (err) {
      this.phase = 'idle';
      this.say(messageOf(err, cannotStartMicrophone()), true);
      return;
    }
    if (!this.connected || this.abandon) {
      // The panel closed, or Escape was pressed, while the browser asked for the microphone.
      listening.cancel();
      this.phase = 'idle';
      this.message = null;
      this.host.requestUpdate();
      return;
    }
    this.listening = listening;
    this.phase = 'listening';
    this.startedAt = performance.now();
    this.say(msg('Listening… Press the microphone or Escape to stop.'));
    void listening.ended.then((why) => {
      if (this.listening === listening && this.phase === 'listening') void this.finish(why === 'limit');
    });
    const draw = () => {
      const meter = this.options.meter();
      if (meter) {
        meter.style.setProperty('--level', String(listening.level() ?? 0));
        const clock = meter.nextElementSibling;
        const s = this.elapsed();
        const text = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
        if (clock && clock.textContent !== text) clock.textContent = text;
      }
      if (this.listening === listening) this.frame = requestAnimationFrame(draw);
    };
    this.frame = requestAnimationFrame(draw);
  }

  private async finish(byLimit: boolean): Promise<void> {
    const listening = this.listening;
    if (!listening) return;
    this.listening = null;
    cancelAnimationFrame(this.frame);
    this.phase = 'transcribing';
    this.say(this.source === 'server' ? msg('Turning your words into text…') : msg('Finishing…'));
    try {
      const said = await listening.stop();
      let text: string;
      if ('text' in said) {
        text = said.text;
      } else {
        if (!said.audio.size) throw new Error(msg('Nothing was recorded. Press the microphone and speak.'));
        const { base64Of } = await import('./recorder.js');
        text = await this.options.client().transcribe(await base64Of(said.audio), said.mimeType);
      }
      if (!this.connected) return;
      this.phase = 'idle';
      if (!text.trim()) {
        this.say(msg('Nothing was heard. Press the microphone and speak, or type your message.'), true);
        return;
      }
      this.say(
        byLimit
          ? msg(
              str`Stopped at the ${this.maxSeconds}-second limit. What was said is in the message field: review it, then send.`,
            )
          : msg('What you said is in the message field: review it, then send.'),
      );
      // Into the field once the panel is drawn in its new state, so the focus it takes stays there.
      await this.host.updateComplete;
      this.options.deliver(text.trim());
    } catch (err) {
      this.phase = 'idle';
      this.say(messageOf(err, msg('What you said could not be turned into text. Please try again.')), true);
    }
  }
}

function messageOf(err: unknown, fallback: string): string {
  return err instanceof Error && err.message ? err.message : fallback;
}
