import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Access, Auth, CurrentPrincipal } from '../auth/auth.decorator.js';
import { ownerOf } from '../auth/principal.js';
import type { Principal } from '../auth/principal.js';
import { IntParam } from '../common/int-param.js';
import { PaginationQueryDto } from '../common/pagination.dto.js';
import { ApiDetail, ApiPaginatedOk, ApiValidationError } from '../common/swagger.js';
import { UuidParam } from '../common/uuid-param.js';
import { FigureDownloadQueryDto, FigureDto } from './dto/figure.dto.js';
import { FiguresService } from './figures.service.js';

@ApiTags('figures')
@Controller('tasks/:task_id/figures')
@Auth(Access.UserOrGuest)
export class FiguresController {
  constructor(private readonly figures: FiguresService) {}

  @Get()
  @ApiOperation({ summary: "List a finished task's figures, by figure_index" })
  @ApiPaginatedOk(FigureDto)
  @ApiNotFoundResponse(ApiDetail('Task not found'))
  @ApiConflictResponse(ApiDetail('Task result not ready'))
  @ApiValidationError()
  list(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('task_id') taskId: string,
    @Query() page: PaginationQueryDto,
  ) {
    return this.figures.list(ownerOf(principal), taskId, page);
  }

  @Get(':n')
  @ApiOperation({ summary: 'Get one figure with its pre-signed URL' })
  @ApiOkResponse({ type: FigureDto })
  @ApiNotFoundResponse(ApiDetail('Task not found', 'Figure not found'))
  @ApiConflictResponse(ApiDetail('Task result not ready'))
  @ApiValidationError()
  get(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('task_id') taskId: string,
    @IntParam('n', 1) n: number,
  ): Promise<FigureDto> {
    return this.figures.get(ownerOf(principal), taskId, n);
  }

  @Get(':n/download')
  @ApiOperation({ summary: 'Stream the figure PNG' })
  @ApiProduces('image/png')
  @ApiOkResponse({ description: 'The PNG', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse(ApiDetail('Task not found', 'Figure not found', 'Figure file not found'))
  @ApiConflictResponse(ApiDetail('Task result not ready'))
  @ApiBadGatewayResponse(ApiDetail('Failed to fetch figure file'))
  @ApiValidationError()
  download(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('task_id') taskId: string,
    @IntParam('n', 1) n: number,
    @Query() query: FigureDownloadQueryDto,
  ): Promise<StreamableFile> {
    return this.figures.download(ownerOf(principal), taskId, n, query.download);
  }
}
