import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { PageRequest } from '@papermill/database';

/** Deep offsets are refused rather than scanned: past this, narrow the listing instead. */
export const MAX_OFFSET = 1_000_000;

/** `?limit&offset`, validated (never clamped): out of range or not an integer is a 422. */
export class PaginationQueryDto implements PageRequest {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 50;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_OFFSET, default: 0 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset: number = 0;
}

/** The envelope of every list route. */
export class PaginatedDto<T> {
  // Objects of the listed type: each list route's schema narrows `items` to its model.
  @ApiProperty({ type: Object, isArray: true })
  items: T[];

  @ApiProperty({ type: 'integer', example: 1 })
  total: number;

  @ApiProperty({ type: 'integer', example: 50 })
  limit: number;

  @ApiProperty({ type: 'integer', example: 0 })
  offset: number;

  @ApiProperty({ example: false })
  has_more: boolean;

  static of<E, T>(
    page: { items: E[]; total: number },
    query: PageRequest,
    map: (item: E) => T,
  ): PaginatedDto<T> {
    return {
      items: page.items.map(map),
      total: page.total,
      limit: query.limit,
      offset: query.offset,
      has_more: query.offset + page.items.length < page.total,
    };
  }
}
