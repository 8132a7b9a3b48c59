import { ApiProperty } from '@nestjs/swagger';

export class MetaDto {
  @ApiProperty({ example: 'Document Task Queue Service' })
  app_name: string;
  @ApiProperty({ example: 'development' })
  environment: string;
  @ApiProperty({ example: '0.1.0' })
  version: string;
  @ApiProperty({ example: false })
  debug: boolean;
  @ApiProperty({ example: 'document_tasks' })
  queue: string;
  @ApiProperty({ example: false })
  placeholder_processing: boolean;
}
