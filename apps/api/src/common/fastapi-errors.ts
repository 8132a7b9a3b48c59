import { HttpStatus, UnprocessableEntityException } from '@nestjs/common';

/** One entry of a FastAPI 422 body: where the bad value was, what is wrong, and its machine type. */
export interface FieldError {
  type: string;
  loc: (string | number)[];
  msg: string;
  input?: unknown;
}

/** A 422 whose body is FastAPI's `{"detail": [...]}` list, as existing clients parse it. */
export class FieldValidationException extends UnprocessableEntityException {
  constructor(readonly errors: FieldError[]) {
    super({ detail: errors });
  }
}

export function missingField(location: string, name: string): FieldValidationException {
  return new FieldValidationException([
    { type: 'missing', loc: [location, name], msg: 'Field required', input: null },
  ]);
}

export const HTTP_STATUS_PHRASES: Partial<Record<number, string>> = {
  [HttpStatus.BAD_REQUEST]: 'Bad Request',
  [HttpStatus.UNAUTHORIZED]: 'Unauthorized',
  [HttpStatus.FORBIDDEN]: 'Forbidden',
  [HttpStatus.NOT_FOUND]: 'Not Found',
  [HttpStatus.METHOD_NOT_ALLOWED]: 'Method Not Allowed',
  [HttpStatus.CONFLICT]: 'Conflict',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'Payload Too Large',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'Unsupported Media Type',
  [HttpStatus.UNPROCESSABLE_ENTITY]: 'Unprocessable Entity',
  [HttpStatus.TOO_MANY_REQUESTS]: 'Too Many Requests',
  [HttpStatus.INTERNAL_SERVER_ERROR]: 'Internal Server Error',
  [HttpStatus.BAD_GATEWAY]: 'Bad Gateway',
  [HttpStatus.SERVICE_UNAVAILABLE]: 'Service Unavailable',
};
