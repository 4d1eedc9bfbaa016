/**
 * The microphone, loaded the first time someone presses it: a recording with `MediaRecorder` (and its input
 * level from an `AnalyserNode`), or the browser's own speech recognition where the server has no transcription
 * model. Failures are `DictationError`s whose message is shown as is.
 */

import { msg } from '@lit/localize';
import { cannotStartMicrophone } from './dictation-words.js';

export type DictationProblem = 'denied' | 'no_device' | 'busy' | 'unsupported' | 'nothing_heard' | 'failed';

export class DictationError extends Error {
  constructor(
    readonly problem: DictationProblem,
    message: string,
  ) {
    super(message);
    this.name = 'DictationError';
  }
}

/** A recording in progress, or the browser listening. */
export interface Listening {
  /** The input level now, 0 to 1 (null: not measured). */
  level(): number | null;
  /** Settles when it stops by itself: at the time limit, or the device or the browser's recognition ended. */
  readonly ended: Promise<'limit' | 'ended'>;
  /** Stops and answers what was said: a recording to transcribe, or the text the browser recognised. */
  stop(): Promise<{ audio: Blob; mimeType: string } | { text: string }>;
  /** Stops and drops what was recorded (the panel closed). */
  cancel(): void;
}

const PREFERRED_TYPES = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/mp4', 'audio/webm'];

function microphoneError(err: unknown): DictationError {
  const name = err instanceof DOMException || err instanceof Error ? err.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return new DictationError(
        'denied',
        msg(
          'The microphone is blocked for this page. Allow it in the browser (the icon in the address bar), then press the microphone again.',
        ),
      );
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'DevicesNotFoundError':
      return new DictationError(
        'no_device',
        msg('No microphone was found. Connect one, or type your message.'),
      );
    case 'NotReadableError':
    case 'AbortError':
      return new DictationError(
        'busy',
        msg('The microphone could not be started: another app may be using it. Close it and try again.'),
      );
    default:
      return new DictationError('failed', cannotStartMicrophone());
  }
}

/**
 * Records from the microphone until stopped, or until `maxMs` (then `ended` settles). Speech is clear at 32 kbit/s
 * opus: 60 s stay under 250 KB.
 */
export async function record(maxMs: number, bitsPerSecond: number): Promise<Listening> {
  if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === 'undefined')
    throw new DictationError(
      'unsupported',
      msg(
        'This browser cannot record here (it needs a secure https page and a recent browser). Type your message instead.',
      ),
    );
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: true, noiseSuppression: true },
    });
  } catch (err) {
    throw microphoneError(err);
  }
  const mimeType = PREFERRED_TYPES.find((t) => MediaRecorder.isTypeSupported(t));
  let recorder: MediaRecorder;
  try {
    recorder = new MediaRecorder(stream, {
      ...(mimeType ? { mimeType } : {}),
      audioBitsPerSecond: bitsPerSecond,
    });
  } catch (err) {
    stream.getTracks().forEach((t) => t.stop());
    throw microphoneError(err);
  }

  // The level meter: the loudness of the latest samples, from an analyser that plays nothing.
  let audio: AudioContext | null = null;
  let analyser: AnalyserNode | null = null;
  try {
    audio = new AudioContext();
    analyser = audio.createAnalyser();
    analyser.fftSize = 512;
    audio.createMediaStreamSource(stream).connect(analyser);
  } catch {
    analyser = null; // no meter, the recording still works
  }
  const samples = new Float32Array(analyser?.fftSize ?? 0);

  const chunks: Blob[] = [];
  recorder.addEventListener('dataavailable', (e) => {
    if (e.data.size) chunks.push(e.data);
  });
  const stopped = new Promise<void>((resolve) => recorder.addEventListener('stop', () => resolve()));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let release = () => {
    release = () => undefined;
    clearTimeout(timer);
    stream.getTracks().forEach((t) => t.stop());
    void audio?.close().catch(() => undefined);
  };
  const ended = new Promise<'limit' | 'ended'>((resolve) => {
    // The device went away (unplugged, permission revoked): what was recorded is transcribed.
    stream.getAudioTracks()[0]?.addEventListener('ended', () => resolve('ended'));
    timer = setTimeout(() => resolve('limit'), maxMs);
  });
  recorder.start(1000);

  const finish = async () => {
    if (recorder.state !== 'inactive') recorder.stop();
    await stopped;
    release();
  };
  return {
    level() {
      if (!analyser) return null;
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const s of samples) sum += s * s;
      // RMS of speech is ~0.02–0.3: a square root spreads that over the meter.
      return Math.min(1, Math.sqrt(Math.sqrt(sum / samples.length)) * 1.6);
    },
    ended,
    async stop() {
      await finish();
      const type = recorder.mimeType || mimeType || chunks[0]?.type || 'audio/webm';
      return { audio: new Blob(chunks, { type }), mimeType: type };
    },
    cancel() {
      void finish();
      chunks.length = 0;
    },
  };
}

/** Base64 of a recording (what `input.transcribe` carries). */
export async function base64Of(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

// ---- the browser's own speech recognition (no transcription model on the server) ----

interface RecognitionResult {
  isFinal: boolean;
  0: { transcript: string };
}
interface Recognition extends EventTarget {
  lang: string;
  continuous: boolean;
  interimResults: boolean;
  start(): void;
  stop(): void;
  abort(): void;
}
type RecognitionConstructor = new () => Recognition;

/** The browser's speech recognition, when it has one. */
export function speechRecognition(): RecognitionConstructor | null {
  const w = globalThis as unknown as {
    SpeechRecognition?: RecognitionConstructor;
    webkitSpeechRecognition?: RecognitionConstructor;
  };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition ?? null;
}

function recognitionError(code: string): DictationError {
  switch (code) {
    case 'not-allowed':
    case 'service-not-allowed':
      return microphoneError(new DOMException('', 'NotAllowedError'));
    case 'audio-capture':
      return microphoneError(new DOMException('', 'NotFoundError'));
    case 'no-speech':
      return new DictationError(
        'nothing_heard',
        msg('Nothing was heard. Speak after pressing the microphone.'),
      );
    case 'network':
      return new DictationError(
        'failed',
        msg("The browser's speech recognition could not be reached. Type your message instead."),
      );
    default:
      return new DictationError('failed', msg('Speech recognition failed. Type your message instead.'));
  }
}

/** Listens with the browser's speech recognition until stopped, or until `maxMs`. */
export async function recognise(lang: string, maxMs: number): Promise<Listening> {
  const Ctor = speechRecognition();
  if (!Ctor) throw new DictationError('unsupported', msg('This browser cannot take dictation.'));
  const r = new Ctor();
  r.lang = lang;
  r.continuous = true;
  r.interimResults = false;
  const finals: string[] = [];
  let failure: DictationError | null = null;
  r.addEventListener('result', (e) => {
    const { results, resultIndex } = e as unknown as {
      results: ArrayLike<RecognitionResult>;
      resultIndex: number;
    };
    for (let i = resultIndex; i < results.length; i++) {
      if (results[i].isFinal) finals.push(results[i][0].transcript.trim());
    }
  });
  r.addEventListener('error', (e) => {
    const code = (e as unknown as { error: string }).error;
    if (code !== 'aborted') failure = recognitionError(code);
  });
  const done = new Promise<void>((resolve) => r.addEventListener('end', () => resolve()));
  const started = new Promise<void>((resolve, reject) => {
    r.addEventListener('start', () => resolve());
    void done.then(() => reject(failure ?? recognitionError('')));
  });
  r.start();
  await started;
  let limit = false;
  const timer = setTimeout(() => {
    limit = true;
    r.stop();
  }, maxMs);
  void done.then(() => clearTimeout(timer));
  return {
    level: () => null,
    ended: done.then(() => (limit ? 'limit' : 'ended')),
    async stop() {
      r.stop();
      await done;
      if (failure) throw failure;
      return { text: finals.filter(Boolean).join(' ') };
    },
    cancel() {
      r.abort();
    },
  };
}
