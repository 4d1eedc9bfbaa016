import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChatKitClient } from '../support/chatkit-client';
import { startTestApp, TestApp } from '../support/test-app';
import { TranscriptionStub } from '../support/transcription-stub';
import { signUp, TestUser } from '../support/users';

const WAV = readFileSync(join(__dirname, '../../../testing/fixtures/add-buy-milk.wav'));

/** ChatKit's `input.transcribe` on a local OpenAI-compatible transcription server (a local Whisper's shape). */
describe('dictation: input.transcribe', () => {
  const stub = new TranscriptionStub();
  let t: TestApp;
  let user: TestUser;
  let ck: ChatKitClient;

  beforeAll(async () => {
    await stub.start();
    t = await startTestApp({
      TRANSCRIBE_BASE_URL: stub.url,
      TRANSCRIBE_MODEL: 'whisper-1',
      TRANSCRIBE_API_KEY: 'sk-local-whisper',
      TRANSCRIBE_MAX_BYTES: '100000',
    });
    user = await signUp(t.url);
    ck = new ChatKitClient(t.url, user.jwt);
  });
  afterAll(async () => {
    await t.close();
    await stub.stop();
  });
  beforeEach(() => (stub.requests.length = 0));

  it('sends the recording to the model as a file and answers its text', async () => {
    const res = await ck.json('input.transcribe', {
      audio_base64: WAV.toString('base64'),
      mime_type: 'audio/wav',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ text: 'add buy milk' });
    expect(stub.requests).toHaveLength(1);
    const [sent] = stub.requests;
    expect(sent.path).toBe('/v1/audio/transcriptions');
    expect(sent.authorization).toBe('Bearer sk-local-whisper');
    expect(sent.model).toBe('whisper-1');
    expect(sent.file?.name).toBe('recording.wav');
    expect(sent.file?.type).toBe('audio/wav');
    expect(sent.file?.bytes.equals(WAV)).toBe(true); // byte for byte
  });

  it('takes what browsers record (webm/ogg opus, mp4) with their codecs parameter', async () => {
    for (const [mime, ext] of [
      ['audio/webm;codecs=opus', 'webm'],
      ['audio/ogg; codecs=opus', 'ogg'],
      ['audio/mp4', 'mp4'],
    ]) {
      const res = await ck.json('input.transcribe', { audio_base64: 'GkXfo0AgQoaBAUL3', mime_type: mime });
      expect({ mime, status: res.status }).toEqual({ mime, status: 200 });
      expect(stub.requests.at(-1)?.file?.name).toBe(`recording.${ext}`);
    }
  });

  it('refuses what it cannot take, each with its reason, without calling the model', async () => {
    const cases: Array<[Record<string, string>, number, string]> = [
      [
        { audio_base64: WAV.toString('base64'), mime_type: 'video/mp4' },
        400,
        "The recording's type video/mp4 is not supported: send webm, ogg, mp4 or wav audio.",
      ],
      [{ audio_base64: 'not base64!', mime_type: 'audio/webm' }, 400, 'audio_base64 is not base64.'],
      [{ audio_base64: '', mime_type: 'audio/webm' }, 400, 'The recording is empty.'],
      [
        { audio_base64: Buffer.alloc(120_000).toString('base64'), mime_type: 'audio/wav' },
        413,
        'The recording is too long (0.1 MB): at most 0.1 MB.',
      ],
    ];
    for (const [params, status, message] of cases) {
      const res = await ck.json('input.transcribe', params);
      expect({ status: res.status, message: res.body.error?.message }).toEqual({ status, message });
    }
    expect(stub.requests).toHaveLength(0);
  });

  it('says so when the model fails or is busy (503), after one retry', async () => {
    stub.fail(500, 500);
    const failed = await ck.json('input.transcribe', {
      audio_base64: WAV.toString('base64'),
      mime_type: 'audio/wav',
    });
    expect(failed.status).toBe(503);
    expect(failed.body.error.message).toBe(
      'The recording could not be turned into text right now. Please try again.',
    );
    stub.fail(429, 429);
    const busy = await ck.json('input.transcribe', {
      audio_base64: WAV.toString('base64'),
      mime_type: 'audio/wav',
    });
    expect(busy.body.error.message).toBe('The speech-to-text service is busy. Please try again in a moment.');
    expect(stub.requests).toHaveLength(4);
  });

  it('tells the widget dictation works here (GET /api/capabilities), and needs a token itself', async () => {
    const caps = await (await fetch(`${t.url}/api/capabilities`)).json();
    expect(caps).toEqual({ transcription: { available: true, max_bytes: 100000 } });
    const anonymous = await new ChatKitClient(t.url, '').json('input.transcribe', {
      audio_base64: 'AAAA',
      mime_type: 'audio/webm',
    });
    expect(anonymous.status).toBe(401);
  });

  it('without a transcription model: no microphone offered, and a clear 400', async () => {
    const plain = await startTestApp();
    try {
      expect(await (await fetch(`${plain.url}/api/capabilities`)).json()).toEqual({
        transcription: { available: false },
      });
      const u = await signUp(plain.url);
      const res = await new ChatKitClient(plain.url, u.jwt).json('input.transcribe', {
        audio_base64: WAV.toString('base64'),
        mime_type: 'audio/wav',
      });
      expect(res.status).toBe(400);
      expect(res.body.error).toEqual({
        code: 'not_supported',
        message: 'Dictation is not set up on this server: it needs TRANSCRIBE_MODEL (or OPENAI_API_KEY).',
      });
    } finally {
      await plain.close();
    }
  });
});
