import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { MetaService } from './meta.service.js';

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

@ApiTags('meta')
@Controller('api/v1/meta')
export class MetaController {
  constructor(private readonly meta: MetaService) {}

  @Get()
  @ApiOperation({ summary: 'Service name, version and settings' })
  @ApiOkResponse({ type: MetaDto })
  get(): MetaDto {
    return this.meta.describe();
  }
}
