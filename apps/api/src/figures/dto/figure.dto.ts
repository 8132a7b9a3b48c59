import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean } from 'class-validator';

export class FigureDto {
  @ApiProperty({ example: 1, minimum: 1 })
  figure_index: number;

  @ApiProperty({ type: String, nullable: true, example: 'Figure 1. Evaluation pipeline overview' })
  title: string | null;

  @ApiProperty({ example: '3f2c7a8e-4b1d-4c8e-9a51-0d6f1e2b7c44/figures/picture-1.png' })
  s3_key: string;

  @ApiProperty({ description: 'Pre-signed GET URL, fetchable directly until it expires (default 1 hour)' })
  url: string;
}

const TRUE = new Set(['true', '1', 'yes', 'on', 't', 'y']);
const FALSE = new Set(['false', '0', 'no', 'off', 'f', 'n']);

export class FigureDownloadQueryDto {
  @ApiPropertyOptional({ default: false, description: 'true: Content-Disposition attachment; false: inline' })
  @Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') return value;
    const text = value.toLowerCase();
    return TRUE.has(text) ? true : FALSE.has(text) ? false : value;
  })
  @IsBoolean()
  download: boolean = false;
}
