/** What the backend offers beyond chat (`GET /api/capabilities`). */
export interface Capabilities {
  /** Dictation: whether the server turns recordings into text (`input.transcribe`), and its size limit. */
  transcription: { available: boolean; max_bytes?: number };
}

const NONE: Capabilities = { transcription: { available: false } };
const asked = new Map<string, Promise<Capabilities>>();

/**
 * The backend's capabilities, asked once per API and page. Never fails: an answer it cannot read, or no answer
 * within `timeoutMs`, means no extras (the panel works without them).
 */
export function capabilities(apiUrl: string, timeoutMs = 5_000): Promise<Capabilities> {
  let answer = asked.get(apiUrl);
  if (!answer) {
    answer = fetch(`${apiUrl}/api/capabilities`, { signal: AbortSignal.timeout(timeoutMs) })
      .then((res) => (res.ok ? (res.json() as Promise<Partial<Capabilities>>) : {}))
      .then((c: Partial<Capabilities>) => ({
        transcription: {
          available: c.transcription?.available === true,
          ...(typeof c.transcription?.max_bytes === 'number' ? { max_bytes: c.transcription.max_bytes } : {}),
        },
      }))
      .catch(() => {
        asked.delete(apiUrl); // asked again next time the panel opens
        return NONE;
      });
    asked.set(apiUrl, answer);
  }
  return answer;
}
