import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiRequestRefused } from '../common/swagger.js';
import { MetaDto } from './dto/meta.dto.js';
import { MetaService } from './meta.service.js';

@ApiTags('meta')
@Controller('api/v1/meta')
export class MetaController {
  constructor(private readonly meta: MetaService) {}

  @Get()
  @ApiOperation({ summary: 'Service name, version and settings' })
  @ApiOkResponse({ type: MetaDto })
  @ApiRequestRefused()
  get(): MetaDto {
    return this.meta.describe();
  }
}
