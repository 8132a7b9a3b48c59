import { applyDecorators, Type } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiResponseOptions,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { PaginatedDto } from './pagination.dto.js';

/** Response options for an error whose body is `{"detail": <one of these strings>}`. */
export function ApiDetail(...details: string[]): ApiResponseOptions {
  return {
    description: details.join(' | '),
    schema: {
      type: 'object',
      required: ['detail'],
      properties: { detail: { type: 'string', enum: details, example: details[0] } },
    },
  };
}

/** FastAPI's 422 body, documented once. */
export const ApiValidationError = () =>
  ApiUnprocessableEntityResponse({
    description: 'Validation error',
    schema: {
      type: 'object',
      properties: {
        detail: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              loc: { type: 'array', items: { oneOf: [{ type: 'string' }, { type: 'integer' }] } },
              msg: { type: 'string' },
              type: { type: 'string' },
            },
          },
        },
      },
      example: {
        detail: [
          {
            type: 'less_than_equal',
            loc: ['query', 'limit'],
            msg: 'Input should be less than or equal to 100',
            input: '500',
          },
        ],
      },
    },
  });

/** A 200 whose body is the pagination envelope around `model`. */
export function ApiPaginatedOk(model: Type<unknown>) {
  return applyDecorators(
    ApiExtraModels(PaginatedDto, model),
    ApiOkResponse({
      schema: {
        allOf: [
          { $ref: getSchemaPath(PaginatedDto) },
          { properties: { items: { type: 'array', items: { $ref: getSchemaPath(model) } } } },
        ],
      },
    }),
  );
}
