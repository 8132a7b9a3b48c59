import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  HttpException,
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

const exactlyOneFile = () =>
  new BadRequestException({ detail: `Upload exactly one file in the "${UPLOAD_FIELD}" field` });
const malformed = () => new BadRequestException({ detail: 'Malformed multipart request' });

/** Bounds on the parts of an upload; a form needs one file and a few small fields. */
const LIMITS = { files: 4, fields: 20, parts: 30, fieldSize: 64 * 1024, headerPairs: 20 };

/**
 * Streams the multipart field `file` to a temporary file (never whole into memory), stopping at the
 * size limit, and removes the file once the response is sent whatever happened. Every parser error
 * becomes a 4xx in the contract's shape; only a failing disk is a 500.
 */
@Injectable()
export class PdfUploadInterceptor implements NestInterceptor {
  private readonly upload: ReturnType<ReturnType<typeof multer>['any']>;

  constructor(config: ConfigService) {
    const dir = join(tmpdir(), 'papermill-uploads');
    mkdirSync(dir, { recursive: true });
    this.upload = multer({
      storage: multer.diskStorage({ destination: dir }),
      limits: { ...LIMITS, fileSize: config.get('MAX_UPLOAD_MB') * 1024 * 1024 },
      // File parts under other names are skipped (as FastAPI ignores them); a second `file` is refused.
      fileFilter: (request, file, accept) => {
        if (file.fieldname !== UPLOAD_FIELD) return accept(null, false);
        const seen = request as Request & { uploadSeen?: boolean };
        if (seen.uploadSeen) return accept(exactlyOneFile());
        seen.uploadSeen = true;
        accept(null, true);
      },
    }).any();
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    response.once('close', () => void removeTemporaryFiles(request));
    await new Promise<void>((resolve, reject) =>
      this.upload(request, response, (error: unknown) => (error ? reject(describe(error)) : resolve())),
    );
    const files = Array.isArray(request.files) ? request.files : [];
    request.file = files.find((file) => file.fieldname === UPLOAD_FIELD);
    if (!request.file) {
      // A `file` part sent without a filename arrives as a plain field.
      if ((request.body as Record<string, unknown> | undefined)?.[UPLOAD_FIELD] !== undefined) {
        throw new BadRequestException({ detail: 'Uploaded file must have a filename' });
      }
      throw missingField('body', UPLOAD_FIELD);
    }
    return next.handle();
  }
}

/** Multer removes its files when it fails; on success they are ours to remove. Never throws. */
async function removeTemporaryFiles(request: Request): Promise<void> {
  const files = Array.isArray(request.files) ? request.files : [];
  const paths = files.map((file) => file.path).filter((path) => typeof path === 'string');
  await Promise.all(paths.map((path) => rm(path, { force: true }).catch(() => undefined)));
}

function describe(error: unknown): unknown {
  if (error instanceof HttpException) return error;
  if (error instanceof MulterError) {
    switch (error.code) {
      case 'LIMIT_FILE_SIZE':
        return new PayloadTooLargeException({ detail: 'Uploaded file is too large' });
      case 'LIMIT_FILE_COUNT':
      case 'LIMIT_UNEXPECTED_FILE':
        return exactlyOneFile();
      case 'LIMIT_FIELD_COUNT':
        return new BadRequestException({
          detail: `Too many form fields: at most ${LIMITS.fields} besides "${UPLOAD_FIELD}"`,
        });
      case 'LIMIT_PART_COUNT':
        return new BadRequestException({
          detail: `Too many parts in the multipart request: at most ${LIMITS.parts}`,
        });
      case 'LIMIT_FIELD_VALUE':
        return new BadRequestException({
          detail: `A form field is too long: at most ${LIMITS.fieldSize / 1024} KB`,
        });
      case 'LIMIT_FIELD_KEY':
      case 'MISSING_FIELD_NAME':
        return malformed();
    }
  }
  // The disk failing is the service's fault; anything else the parser raised is the request's.
  if ((error as NodeJS.ErrnoException | undefined)?.syscall) return error;
  return malformed();
}
