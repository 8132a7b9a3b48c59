import { Param, PipeTransform } from '@nestjs/common';
import { FieldValidationException } from './fastapi-errors.js';

// Global pipes run before this one and may already have turned the text into a number.
class MinIntPipe implements PipeTransform<string | number, number> {
  constructor(
    private readonly name: string,
    private readonly min: number,
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
    return number;
  }
}

/** An integer path parameter of at least `min`; anything else is a 422 validation error. */
export const MinIntParam = (name: string, min: number) => Param(name, new MinIntPipe(name, min));
