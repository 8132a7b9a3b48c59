import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FigureEntity } from '../entities/figure.entity.js';
import { Page, PageRequest } from '../page.js';

@Injectable()
export class FiguresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(FigureEntity);
  }

  async listForTask(taskId: string, page: PageRequest): Promise<Page<FigureEntity>> {
    const [items, total] = await this.repo.findAndCount({
      where: { taskId },
      order: { figureIndex: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items, total };
  }

  findOne(taskId: string, figureIndex: number): Promise<FigureEntity | null> {
    return this.repo.findOneBy({ taskId, figureIndex });
  }
}
