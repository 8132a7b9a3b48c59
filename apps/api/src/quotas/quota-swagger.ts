import { ApiTooManyRequestsResponse } from '@nestjs/swagger';

/**
 * The 429s of `POST /tasks`: its rates and quotas, besides the refused-token limit every
 * authenticated route has. Put it above `@Auth()`: it replaces that decorator's 429 entry.
 */
export const ApiUploadTooManyRequests = () =>
  ApiTooManyRequestsResponse({
    description:
      'A rate or quota was reached (uploads a minute per address and per caller, tasks in flight, ' +
      'stored bytes, new guest sessions an hour per address; see the README), or more than 20 ' +
      'refused Bearer tokens came from this IP in the last minute. `detail` says which, with its limit.',
    headers: {
      'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer', example: 42 } },
    },
    schema: {
      type: 'object',
      properties: {
        detail: { type: 'string', example: 'Too many uploads: at most 30 a minute' },
      },
    },
  });
