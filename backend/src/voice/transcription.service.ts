import { Inject, Injectable, Logger } from '@nestjs/common';
import OpenAI, { toFile } from 'openai';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG, AppConfig, TranscriptionChoice } from '../config/app-config';

/** What a browser records (MediaRecorder: webm or ogg with opus, mp4 on Safari) and WAV: the file's extension. */
const AUDIO_TYPES: Record<string, string> = {
  'audio/webm': 'webm',
  'audio/ogg': 'ogg',
  'audio/mp4': 'mp4',
  'audio/mpeg': 'mp3',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/wave': 'wav',
};

const MB = 1024 * 1024;

/**
 * Dictation: audio to text with the configured model — OpenAI's (gpt-4o-mini-transcribe by default when a key is
 * set) or any OpenAI-compatible `/audio/transcriptions` server (a local Whisper) — through the official client.
 */
@Injectable()
export class TranscriptionService {
  private readonly logger = new Logger('Transcription');
  private readonly choice: TranscriptionChoice | null;
  private readonly client: OpenAI | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.choice = config.transcription;
    this.client = this.choice
      ? new OpenAI({
          apiKey: this.choice.apiKey,
          baseURL: this.choice.baseURL,
          maxRetries: 1,
          timeout: 60_000,
        })
      : null;
  }

  /** Whether dictation works here (the widget shows a microphone only then), and the longest recording. */
  get capabilities(): { available: boolean; max_bytes?: number } {
    return this.choice ? { available: true, max_bytes: this.choice.maxBytes } : { available: false };
  }

  async transcribe(audioBase64: string, mimeType: string): Promise<{ text: string }> {
    if (!this.client || !this.choice)
      throw new DomainError(
        'not_supported',
        'Dictation is not set up on this server: it needs TRANSCRIBE_MODEL (or OPENAI_API_KEY).',
      );
    const type = mimeType.split(';')[0].trim().toLowerCase();
    const extension = AUDIO_TYPES[type];
    if (!extension)
      throw new DomainError(
        'invalid_input',
        `The recording's type ${type.slice(0, 60) || '(none)'} is not supported: send webm, ogg, mp4 or wav audio.`,
      );
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(audioBase64))
      throw new DomainError('invalid_input', 'audio_base64 is not base64.');
    const audio = Buffer.from(audioBase64, 'base64');
    if (audio.length === 0) throw new DomainError('invalid_input', 'The recording is empty.');
    if (audio.length > this.choice.maxBytes)
      throw new DomainError(
        'payload_too_large',
        `The recording is too long (${(audio.length / MB).toFixed(1)} MB): at most ${(this.choice.maxBytes / MB).toFixed(1)} MB.`,
      );
    try {
      const result = await this.client.audio.transcriptions.create({
        file: await toFile(audio, `recording.${extension}`, { type }),
        model: this.choice.model,
      });
      return { text: result.text.trim() };
    } catch (err) {
      this.logger.warn(`transcription failed: ${err instanceof Error ? err.message : String(err)}`);
      const status: unknown = err instanceof OpenAI.APIError ? err.status : undefined;
      throw new DomainError(
        'service_unavailable',
        status === 429
          ? 'The speech-to-text service is busy. Please try again in a moment.'
          : 'The recording could not be turned into text right now. Please try again.',
      );
    }
  }
}
