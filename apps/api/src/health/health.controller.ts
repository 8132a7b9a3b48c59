import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { ApiDetail, ApiRequestRefused } from '../common/swagger.js';
import { ReadinessService } from './readiness.service.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the api process answers' })
  @ApiOkResponse({ schema: { type: 'object', example: { status: 'ok' } } })
  @ApiRequestRefused()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: Postgres, Redis and object storage are reachable' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      example: {
        status: 'ok',
        info: { database: { status: 'up' }, redis: { status: 'up' }, storage: { status: 'up' } },
      },
    },
  })
  @ApiServiceUnavailableResponse(ApiDetail('Not ready: redis unavailable'))
  @ApiRequestRefused()
  ready() {
    return this.readiness.check();
  }
}
