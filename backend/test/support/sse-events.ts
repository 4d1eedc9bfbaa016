/** One Server-Sent Event of the REST chat stream. */
export interface NamedEvent {
  event: string;
  data: any;
}

/**
 * Reads a whole `text/event-stream` body of named events (`event: <name>\ndata: <json>\n\n`), checking each
 * frame has exactly those two lines.
 */
export async function readNamedEvents(res: Response): Promise<NamedEvent[]> {
  const text = await res.text();
  if (text === '') return [];
  if (!text.endsWith('\n\n')) throw new Error(`stream does not end with a frame: ${text.slice(-200)}`);
  return text
    .slice(0, -2)
    .split('\n\n')
    .map((frame) => {
      const m = /^event: ([a-z_]+)\ndata: (\{.*\})$/.exec(frame);
      if (!m) throw new Error(`not a named SSE frame: ${JSON.stringify(frame.slice(0, 200))}`);
      return { event: m[1], data: JSON.parse(m[2]) };
    });
}
