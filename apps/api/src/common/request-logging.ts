import { AppConfig } from '@papermill/config';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Params } from 'nestjs-pino';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;
/** Query parameters that grant access by themselves (signed download links): never written to logs. */
const CREDENTIAL_PARAMS =
  /([?&](?:signature|X-Amz-Signature|X-Amz-Credential|X-Amz-Security-Token|token)=)[^&#]*/gi;

/** The URL as logged: credentials carried in its query string are replaced by `REDACTED`. */
export function redactUrl(url: string): string {
  return url.replace(CREDENTIAL_PARAMS, '$1REDACTED');
}

/** Structured JSON logs; every line of a request carries its id, echoed as `X-Request-Id`. */
export function loggerParams(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.LOG_LEVEL,
      genReqId: (request: IncomingMessage, response: ServerResponse) => {
        const given = request.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        response.setHeader('X-Request-Id', id);
        return id;
      },
      // One compact line per request; headers (credentials, cookies) are never logged.
      serializers: {
        req: (request: { id: string; method: string; url: string }) => ({
          id: request.id,
          method: request.method,
          url: redactUrl(request.url),
        }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
      customLogLevel: (_request, response, error) =>
        error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
    },
  };
}
