import { Param, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { FieldValidationException } from './fastapi-errors.js';

class UuidPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (isUUID(value)) return value.toLowerCase();
    throw new FieldValidationException([
      { type: 'uuid_parsing', loc: ['path', this.name], msg: 'Input should be a valid UUID', input: value },
    ]);
  }
}

/** A UUID path parameter; a malformed one is a 422 validation error, not a 404. */
export const UuidParam = (name: string) => Param(name, new UuidPipe(name));
