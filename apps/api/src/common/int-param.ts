import { Param, PipeTransform } from '@nestjs/common';
import { FieldValidationException } from './fastapi-errors.js';

/** The largest value of a Postgres `integer` column (figure numbers, page numbers). */
export const MAX_INT32 = 2_147_483_647;

// Global pipes run before this one and may already have turned the text into a number.
class IntPipe implements PipeTransform<string | number, number> {
  constructor(
    private readonly name: string,
    private readonly min: number,
    private readonly max: number,
  ) {}

  transform(raw: string | number): number {
    const value = String(raw);
    const loc = ['path', this.name];
    if (!/^[+-]?\d+$/.test(value.trim())) {
      throw new FieldValidationException([
        {
          type: 'int_parsing',
          loc,
          msg: 'Input should be a valid integer, unable to parse string as an integer',
          input: value,
        },
      ]);
    }
    const number = Number(value);
    if (number < this.min) {
      throw new FieldValidationException([
        {
          type: 'greater_than_equal',
          loc,
          msg: `Input should be greater than or equal to ${this.min}`,
          input: value,
        },
      ]);
    }
    if (number > this.max) {
      throw new FieldValidationException([
        {
          type: 'less_than_equal',
          loc,
          msg: `Input should be less than or equal to ${this.max}`,
          input: value,
        },
      ]);
    }
    return number;
  }
}

/** An integer path parameter within `min`..`max`; anything else is a 422 validation error. */
export const IntParam = (name: string, min: number, max = MAX_INT32) =>
  Param(name, new IntPipe(name, min, max));
