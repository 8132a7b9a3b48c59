import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { HTTP_STATUS_PHRASES } from './fastapi-errors.js';
import { pathHasOtherMethods } from './method-not-allowed.js';
import { redactUrl } from './request-logging.js';

/**
 * Turns every error into FastAPI's wire shape, `{"detail": ...}`: the contract's clients were written
 * against a FastAPI implementation. A 500 is logged with the request id and never leaks its cause.
 */
@Catch()
export class FastApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request & { id?: string }>();
    if (response.headersSent) {
      response.destroy();
      return;
    }
    const { status, body, headers } = this.describe(exception, request);
    if (status >= 500) {
      this.logger.error(
        {
          err: exception,
          requestId: request.id,
          method: request.method,
          url: redactUrl(request.originalUrl),
        },
        `Request failed with ${status}`,
      );
    }
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.status(status).json(body);
  }

  private describe(
    exception: unknown,
    request: Request,
  ): { status: number; body: { detail: unknown }; headers: Record<string, string> } {
    // Malformed JSON: body-parser's error, bare or wrapped by Nest in a 400; FastAPI answers 422.
    const parseError = exception instanceof HttpException ? exception.cause : exception;
    const bodyError = parseError as { type?: string; message?: string } | undefined;
    if (bodyError?.type === 'entity.verify.failed') {
      return {
        status: 422,
        body: { detail: [{ type: 'json_invalid', loc: ['body'], msg: bodyError.message }] },
        headers: {},
      };
    }
    if (bodyError?.type === 'entity.parse.failed') {
      return {
        status: 422,
        body: { detail: [{ type: 'json_invalid', loc: ['body'], msg: 'JSON decode error' }] },
        headers: {},
      };
    }
    if (!(exception instanceof HttpException)) {
      // Other body-parser errors carry a status but are not HttpExceptions.
      const status = (exception as { status?: number } | undefined)?.status;
      if (status === 413) return { status, body: { detail: 'Request body is too large' }, headers: {} };
      return { status: 500, body: { detail: 'Internal Server Error' }, headers: {} };
    }
    const status = exception.getStatus();
    const response = exception.getResponse();
    const headers = (exception as HttpException & { headers?: Record<string, string> }).headers ?? {};
    if (typeof response === 'object' && response !== null && 'detail' in response) {
      return { status, body: { detail: (response as { detail: unknown }).detail }, headers };
    }
    if (status === HttpStatus.NOT_FOUND && this.isRouteMiss(exception)) {
      return pathHasOtherMethods(request)
        ? { status: 405, body: { detail: 'Method Not Allowed' }, headers }
        : { status, body: { detail: 'Not Found' }, headers };
    }
    if (status >= 500) return { status, body: { detail: HTTP_STATUS_PHRASES[status] ?? 'Error' }, headers };
    const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    const detail = typeof message === 'string' ? message : (HTTP_STATUS_PHRASES[status] ?? exception.message);
    return { status, body: { detail }, headers };
  }

  /** Nest answers an unknown route with "Cannot GET /x"; FastAPI says "Not Found". */
  private isRouteMiss(exception: HttpException): boolean {
    return /^Cannot [A-Z]+ /.test(exception.message);
  }
}
