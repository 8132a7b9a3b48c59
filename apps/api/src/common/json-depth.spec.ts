import { describe, expect, it } from '@jest/globals';
import { JsonTooDeepError, MAX_JSON_DEPTH, verifyJsonDepth } from './json-depth.js';

const check = (text: string) => () => verifyJsonDepth(null, null, Buffer.from(text));

describe('verifyJsonDepth', () => {
  it('accepts nesting up to the limit', () => {
    expect(check('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH))).not.toThrow();
    expect(check('{"name": "CI runner", "tags": [1, [2, {"a": 3}]]}')).not.toThrow();
  });

  it('refuses one level more, arrays or objects', () => {
    const depth = MAX_JSON_DEPTH + 1;
    expect(check('['.repeat(depth) + ']'.repeat(depth))).toThrow(JsonTooDeepError);
    expect(check('{"a":'.repeat(depth) + '1' + '}'.repeat(depth))).toThrow(JsonTooDeepError);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const brackets = '['.repeat(1000);
    expect(check(`{"name": "${brackets}"}`)).not.toThrow();
    expect(check(`{"name": "a \\" ${brackets}"}`)).not.toThrow();
  });
});
