import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { ConfigService } from '@papermill/config';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import { mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Observable } from 'rxjs';
import { missingField } from '../../common/fastapi-errors.js';

export const UPLOAD_FIELD = 'file';

/**
 * Streams the multipart field `file` to a temporary file (never whole into memory), stopping at the
 * size limit, and removes the file once the response is sent whatever happened.
 */
@Injectable()
export class PdfUploadInterceptor implements NestInterceptor {
  private readonly upload: ReturnType<ReturnType<typeof multer>['single']>;

  constructor(config: ConfigService) {
    const dir = join(tmpdir(), 'papermill-uploads');
    mkdirSync(dir, { recursive: true });
    this.upload = multer({
      storage: multer.diskStorage({ destination: dir }),
      limits: { fileSize: config.get('MAX_UPLOAD_MB') * 1024 * 1024, files: 1, fields: 20, parts: 30 },
    }).single(UPLOAD_FIELD);
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    response.on('close', () => {
      if (request.file) void rm(request.file.path, { force: true });
    });
    await new Promise<void>((resolve, reject) =>
      this.upload(request, response, (error: unknown) => (error ? reject(this.describe(error)) : resolve())),
    );
    if (!request.file) {
      // A `file` part sent without a filename arrives as a plain field.
      if ((request.body as Record<string, unknown> | undefined)?.[UPLOAD_FIELD] !== undefined) {
        throw new BadRequestException({ detail: 'Uploaded file must have a filename' });
      }
      throw missingField('body', UPLOAD_FIELD);
    }
    return next.handle();
  }

  private describe(error: unknown): unknown {
    if (error instanceof MulterError) {
      switch (error.code) {
        case 'LIMIT_FILE_SIZE':
          return new PayloadTooLargeException({ detail: 'Uploaded file is too large' });
        case 'LIMIT_UNEXPECTED_FILE':
        case 'LIMIT_FILE_COUNT':
          return new BadRequestException({
            detail: `Upload exactly one file in the "${UPLOAD_FIELD}" field`,
          });
        case 'LIMIT_FIELD_COUNT':
        case 'LIMIT_FIELD_KEY':
        case 'LIMIT_FIELD_VALUE':
        case 'LIMIT_PART_COUNT':
        case 'MISSING_FIELD_NAME':
          return new BadRequestException({ detail: 'Malformed multipart request' });
      }
    }
    const message = (error as Error)?.message ?? '';
    if (/Multipart|Boundary|Unexpected end of form/i.test(message)) {
      return new BadRequestException({ detail: 'Malformed multipart request' });
    }
    return error;
  }
}
