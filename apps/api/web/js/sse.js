// A small parser for text/event-stream read with fetch() (EventSource cannot send an API key header).

/** Turns chunks of an event stream into `{event, data}` messages, as the HTML standard parses them. */
export class SseParser {
  #buffer = '';
  #event = '';
  #data = [];

  /** Feeds a chunk of text; returns the messages it completed. */
  push(text) {
    this.#buffer += text;
    const messages = [];
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.#buffer);
      // A lone trailing \r may be the first half of \r\n: wait for the next chunk.
      if (!match || (match[0] === '\r' && match.index === this.#buffer.length - 1)) break;
      const line = this.#buffer.slice(0, match.index);
      this.#buffer = this.#buffer.slice(match.index + match[0].length);
      const message = this.#line(line);
      if (message) messages.push(message);
    }
    return messages;
  }

  #line(line) {
    if (line === '') {
      const message = this.#data.length
        ? { event: this.#event || 'message', data: this.#data.join('\n') }
        : null;
      this.#event = '';
      this.#data = [];
      return message;
    }
    if (line.startsWith(':')) return null; // a comment: heartbeat
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.#event = value;
    else if (field === 'data') this.#data.push(value);
    return null;
  }
}

/** The messages of a fetch() response body, as they arrive. */
export async function* readEvents(body) {
  const parser = new SseParser();
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      yield* parser.push(value);
    }
  } finally {
    // Closes the connection when the reader stops early (the task finished, the view changed).
    await reader.cancel().catch(() => {});
  }
}
