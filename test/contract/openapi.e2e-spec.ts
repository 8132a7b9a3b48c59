import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { ApiClient } from '../support/client.js';
import { startStack, Stack } from '../support/stack.js';

describe('openapi.json', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ worker: false });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('matches the document the code generates (run `npm run openapi` after changing the api)', async () => {
    const committed = JSON.parse(
      await readFile(new URL('../../openapi.json', import.meta.url), 'utf8'),
    ) as unknown;
    const { body } = await new ApiClient(stack.url).json('GET', '/docs-json');
    expect(body).toEqual(committed);
  });

  it('documents every security scheme', async () => {
    const { body } = await new ApiClient(stack.url).json<{ components: { securitySchemes: object } }>(
      'GET',
      '/docs-json',
    );
    expect(Object.keys(body.components.securitySchemes).sort()).toEqual(
      ['bearer-api-key', 'bearer-jwt', 'guest_session'].sort(),
    );
  });
});
