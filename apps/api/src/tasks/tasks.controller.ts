import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Post,
  MessageEvent,
  Query,
  Sse,
  StreamableFile,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiInternalServerErrorResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
  ApiBadRequestResponse,
} from '@nestjs/swagger';
import { Access, Auth, CurrentPrincipal } from '../auth/auth.decorator.js';
import { ownerOf } from '../auth/principal.js';
import type { Observable } from 'rxjs';
import type { Principal } from '../auth/principal.js';
import { PaginationQueryDto } from '../common/pagination.dto.js';
import { ApiDetail, ApiPaginatedOk, ApiValidationError } from '../common/swagger.js';
import { UuidParam } from '../common/uuid-param.js';
import { TaskDeletedDto, TaskDto, UploadTaskDto } from './dto/task.dto.js';
import { ApiTaskEvents } from './events/task-events-swagger.js';
import { ApiUploadTooManyRequests } from '../quotas/quota-swagger.js';
import { UploadQuotaGuard } from '../quotas/upload-quota.guard.js';
import { TaskStreamService } from './events/task-stream.service.js';
import { TasksService } from './tasks.service.js';
import { PdfUploadInterceptor } from './upload/pdf-upload.interceptor.js';

@ApiTags('tasks')
@ApiExtraModels(TaskDto)
@Controller()
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly streams: TaskStreamService,
  ) {}

  @Post('tasks')
  @ApiUploadTooManyRequests()
  @Auth(Access.UserOrGuest)
  @UseGuards(UploadQuotaGuard)
  @UseInterceptors(PdfUploadInterceptor)
  @ApiOperation({ summary: 'Upload a PDF and queue its conversion' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadTaskDto })
  @ApiCreatedResponse({ type: TaskDto })
  @ApiBadRequestResponse(
    ApiDetail(
      'Uploaded file must have a filename',
      'Upload exactly one file in the "file" field',
      'Malformed multipart request',
    ),
  )
  @ApiPayloadTooLargeResponse(ApiDetail('Uploaded file is too large'))
  @ApiUnsupportedMediaTypeResponse(ApiDetail('Uploaded file must be a PDF'))
  @ApiValidationError()
  @ApiInternalServerErrorResponse(ApiDetail('Failed to enqueue task'))
  create(
    @CurrentPrincipal() principal: Principal,
    @UploadedFile() file: Express.Multer.File,
    @Body() form: UploadTaskDto,
  ): Promise<TaskDto> {
    return this.tasks.create(ownerOf(principal), file, form.callback_url);
  }

  @Get('tasks')
  @Auth(Access.UserOrGuest)
  @ApiOperation({ summary: "List the caller's tasks, newest first" })
  @ApiPaginatedOk(TaskDto)
  @ApiValidationError()
  list(@CurrentPrincipal() principal: Principal, @Query() page: PaginationQueryDto) {
    return this.tasks.list(ownerOf(principal), page);
  }

  @Get('public/tasks')
  @Auth(Access.GuestOnly)
  @ApiOperation({ summary: "List the guest session's tasks (ignores Authorization)" })
  @ApiPaginatedOk(TaskDto)
  @ApiValidationError()
  listPublic(@CurrentPrincipal() principal: Principal, @Query() page: PaginationQueryDto) {
    return this.tasks.list(ownerOf(principal), page);
  }

  @Get('tasks/:task_id')
  @Auth(Access.UserOrGuest)
  @ApiOperation({ summary: 'Get a task' })
  @ApiOkResponse({ type: TaskDto })
  @ApiNotFoundResponse(ApiDetail('Task not found'))
  @ApiValidationError()
  get(@CurrentPrincipal() principal: Principal, @UuidParam('task_id') id: string): Promise<TaskDto> {
    return this.tasks.get(ownerOf(principal), id);
  }

  @Sse('tasks/:task_id/events')
  @Auth(Access.UserOrGuest)
  @ApiTaskEvents()
  @ApiNotFoundResponse(ApiDetail('Task not found'))
  @ApiValidationError()
  events(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('task_id') id: string,
  ): Promise<Observable<MessageEvent>> {
    return this.streams.stream(ownerOf(principal), id);
  }

  @Delete('tasks/:task_id')
  @Auth(Access.UserOrGuest)
  @ApiOperation({ summary: 'Delete a finished task and everything stored for it' })
  @ApiOkResponse({ type: TaskDeletedDto })
  @ApiNotFoundResponse(ApiDetail('Task not found'))
  @ApiConflictResponse(ApiDetail('Cannot delete task while processing'))
  @ApiValidationError()
  delete(@CurrentPrincipal() principal: Principal, @UuidParam('task_id') id: string) {
    return this.tasks.delete(ownerOf(principal), id);
  }

  @Get('tasks/:task_id/download')
  @HttpCode(200)
  @Auth(Access.UserOrGuest)
  @ApiOperation({ summary: 'Download the converted Markdown' })
  @ApiProduces('text/markdown', 'text/plain', 'application/octet-stream')
  @ApiOkResponse({ description: 'The output file', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse(ApiDetail('Task not found', 'Task output file missing'))
  @ApiConflictResponse(ApiDetail('Task result not ready'))
  @ApiValidationError()
  download(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('task_id') id: string,
  ): Promise<StreamableFile> {
    return this.tasks.download(ownerOf(principal), id);
  }

  @Get('tasks/:task_id/assets')
  @Auth(Access.UserOrGuest)
  @ApiOperation({ summary: 'The assets JSON: figures with pages and boxes, tables, pages, outline' })
  @ApiOkResponse({
    description: 'result.assets.json',
    schema: {
      type: 'object',
      example: { figures: [{ index: 1, page: 2, bbox: [72, 400, 540, 700], title: 'Figure 1. Overview' }] },
    },
  })
  @ApiNotFoundResponse(ApiDetail('Task not found', 'Task output file missing', 'Task assets file missing'))
  @ApiConflictResponse(ApiDetail('Task result not ready'))
  @ApiInternalServerErrorResponse(ApiDetail('Task assets file is invalid'))
  @ApiValidationError()
  assets(@CurrentPrincipal() principal: Principal, @UuidParam('task_id') id: string): Promise<unknown> {
    return this.tasks.assets(ownerOf(principal), id);
  }
}
