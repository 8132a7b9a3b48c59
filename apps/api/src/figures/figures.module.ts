import { Module } from '@nestjs/common';
import { TasksModule } from '../tasks/tasks.module.js';
import { FiguresController } from './figures.controller.js';
import { FiguresService } from './figures.service.js';

@Module({ imports: [TasksModule], controllers: [FiguresController], providers: [FiguresService] })
export class FiguresModule {}
