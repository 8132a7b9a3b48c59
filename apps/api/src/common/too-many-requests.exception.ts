import { HttpException, HttpStatus } from '@nestjs/common';

/** 429 with `{"detail": ...}` and `Retry-After` in seconds; the exception filter copies `headers`. */
export class TooManyRequestsException extends HttpException {
  readonly headers: Record<string, string>;

  constructor(detail: string, retryAfterSeconds: number) {
    super({ detail }, HttpStatus.TOO_MANY_REQUESTS);
    this.headers = { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) };
  }
}
