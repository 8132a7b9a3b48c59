import { Module } from '@nestjs/common';
import { TasksController } from './tasks.controller.js';
import { TasksService } from './tasks.service.js';
import { PdfUploadInterceptor } from './upload/pdf-upload.interceptor.js';

@Module({
  controllers: [TasksController],
  providers: [TasksService, PdfUploadInterceptor],
  exports: [TasksService],
})
export class TasksModule {}
