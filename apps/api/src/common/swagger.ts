import { applyDecorators, Type } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiResponse,
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
              input: { description: 'The value that was refused, as sent' },
            },
            required: ['loc', 'msg', 'type'],
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

/**
 * The 4xx any route can answer, before it runs: the JSON body parser refuses a body over 1 MB (413)
 * and one that is malformed or nested too deeply (422), whatever the route.
 */
export const ApiRequestRefused = () =>
  ApiResponse({
    status: '4XX',
    description:
      'The request was refused before reaching the route: a JSON body over 1 MB (413), malformed or nested ' +
      'deeper than 32 levels (422)',
    schema: {
      type: 'object',
      required: ['detail'],
      properties: { detail: {} },
      example: { detail: 'Request body is too large' },
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
