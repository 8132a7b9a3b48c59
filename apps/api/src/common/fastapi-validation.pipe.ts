import { ArgumentMetadata, Injectable, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, FieldValidationException } from './fastapi-errors.js';

const LOCATIONS: Record<ArgumentMetadata['type'], string> = {
  body: 'body',
  query: 'query',
  param: 'path',
  custom: 'body',
};

/** class-validator constraint -> FastAPI (pydantic) error type and message. */
function describeConstraint(
  constraint: string,
  error: ValidationError,
  message: string,
): Pick<FieldError, 'type' | 'msg'> {
  const args = /(-?\d+(?:\.\d+)?)/.exec(message)?.[1];
  switch (constraint) {
    case 'isInt':
      return {
        type: 'int_parsing',
        msg: 'Input should be a valid integer, unable to parse string as an integer',
      };
    case 'min':
      return { type: 'greater_than_equal', msg: `Input should be greater than or equal to ${args}` };
    case 'max':
      return { type: 'less_than_equal', msg: `Input should be less than or equal to ${args}` };
    case 'isString':
      return { type: 'string_type', msg: 'Input should be a valid string' };
    case 'isNotEmpty':
    case 'isDefined':
      return error.value === undefined
        ? { type: 'missing', msg: 'Field required' }
        : { type: 'string_too_short', msg: 'String should have at least 1 character' };
    case 'maxLength':
      return { type: 'string_too_long', msg: `String should have at most ${args} characters` };
    case 'isBoolean':
      return { type: 'bool_parsing', msg: 'Input should be a valid boolean, unable to interpret input' };
    case 'whitelistValidation':
      return { type: 'extra_forbidden', msg: 'Extra inputs are not permitted' };
    default:
      return { type: 'value_error', msg: message };
  }
}

// Report the most basic problem first, as pydantic does: a missing or non-integer value before its range.
const PRIORITY = ['whitelistValidation', 'isDefined', 'isNotEmpty', 'isInt', 'isString', 'isBoolean'];
const priority = (constraint: string) => {
  const index = PRIORITY.indexOf(constraint);
  return index === -1 ? PRIORITY.length : index;
};

function flatten(errors: ValidationError[], location: string, path: string[] = []): FieldError[] {
  return errors.flatMap((error) => {
    const loc = [...path, error.property];
    const own = Object.entries(error.constraints ?? {})
      .sort(([a], [b]) => priority(a) - priority(b))
      .slice(0, 1)
      .map(([constraint, message]) => ({
        ...describeConstraint(constraint, error, message),
        loc: [location, ...loc],
        input: error.value ?? null,
      }));
    return [...own, ...flatten(error.children ?? [], location, loc)];
  });
}

/** A ValidationPipe whose failures are FastAPI's 422 list, located in path, query or body. */
@Injectable()
export class FastApiValidationPipe extends ValidationPipe {
  constructor() {
    super({
      transform: true,
      whitelist: true,
      forbidUnknownValues: false,
      validationError: { target: false, value: true },
      exceptionFactory: (errors) => new FieldValidationException(flatten(errors, 'body')),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (error instanceof FieldValidationException) {
        const location = LOCATIONS[metadata.type];
        throw new FieldValidationException(
          error.errors.map((e) => ({ ...e, loc: [location, ...e.loc.slice(1)] })),
        );
      }
      throw error;
    }
  }
}
