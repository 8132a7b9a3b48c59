import { Module } from '@nestjs/common';
import { TasksController } from './tasks.controller.js';
import { TaskStreamService } from './events/task-stream.service.js';
import { TasksService } from './tasks.service.js';
import { CallbackUrlPolicy } from './upload/callback-url.policy.js';
import { PdfUploadInterceptor } from './upload/pdf-upload.interceptor.js';

@Module({
  controllers: [TasksController],
  providers: [TasksService, TaskStreamService, CallbackUrlPolicy, PdfUploadInterceptor],
  exports: [TasksService],
})
export class TasksModule {}
