/** One server-sent event, or a comment line (`comment` set, the rest empty). */
export interface StreamEvent {
  event?: string;
  id?: string;
  data?: string;
  comment?: string;
}

export interface EventStream {
  status: number;
  headers: Headers;
  /** The next event or comment; null once the server ended the stream. */
  next(timeoutMs?: number): Promise<StreamEvent | null>;
  /** Every event (comments left out) until the server ends the stream. */
  rest(timeoutMs?: number): Promise<StreamEvent[]>;
  close(): void;
}

/** Opens `GET url` as an event stream (as EventSource would) and parses what arrives. */
export async function openEventStream(
  url: string,
  headers: Record<string, string> = {},
): Promise<EventStream> {
  const abort = new AbortController();
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: abort.signal,
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let ended = false;

  const parse = (block: string): StreamEvent => {
    const event: StreamEvent = {};
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) event.comment = line.slice(1).trim();
      const match = /^(event|id|data): ?(.*)$/.exec(line);
      if (match) {
        const field = match[1] as 'event' | 'id' | 'data';
        event[field] = field === 'data' && event.data !== undefined ? `${event.data}\n${match[2]}` : match[2];
      }
    }
    return event;
  };

  const next = async (timeoutMs = 30_000): Promise<StreamEvent | null> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // A block is complete at a blank line; the stream opens with one of its own.
      buffer = buffer.replace(/^\n+/, '');
      const end = buffer.indexOf('\n\n');
      if (end !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        return parse(block);
      }
      if (ended) return null;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`No event within ${timeoutMs} ms`);
      let timer: NodeJS.Timeout | undefined;
      const chunk = await Promise.race([
        reader.read(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`No event within ${timeoutMs} ms`)), left);
        }),
      ]).finally(() => clearTimeout(timer));
      if (chunk.done) ended = true;
      else buffer += decoder.decode(chunk.value, { stream: true });
    }
  };

  return {
    status: response.status,
    headers: response.headers,
    next,
    async rest(timeoutMs = 60_000) {
      const events: StreamEvent[] = [];
      for (let event = await next(timeoutMs); event; event = await next(timeoutMs)) {
        if (event.comment === undefined) events.push(event);
      }
      return events;
    },
    close: () => abort.abort(),
  };
}
