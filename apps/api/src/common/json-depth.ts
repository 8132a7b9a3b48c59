/** JSON bodies nested deeper than this are refused before parsing: no route takes more than a few levels. */
export const MAX_JSON_DEPTH = 32;

/** Thrown from body-parser's `verify` hook; the exception filter turns it into a 422. */
export class JsonTooDeepError extends Error {
  constructor() {
    super(`JSON nested more than ${MAX_JSON_DEPTH} levels deep`);
  }
}

/**
 * Refuses a body whose arrays and objects nest deeper than `MAX_JSON_DEPTH`, in one pass over the
 * raw bytes (brackets inside strings do not count): a deep body would otherwise overflow the stack
 * of whatever walks the parsed value (class-transformer, validation).
 */
export function verifyJsonDepth(_request: unknown, _response: unknown, body: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (inString) {
      if (byte === 0x5c)
        i++; // backslash: skip the escaped character
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) {
      inString = true;
    } else if (byte === 0x5b || byte === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) throw new JsonTooDeepError();
    } else if (byte === 0x5d || byte === 0x7d) {
      depth--;
    }
  }
}
