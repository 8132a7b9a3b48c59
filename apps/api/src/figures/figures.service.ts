import { BadGatewayException, Injectable, NotFoundException, StreamableFile } from '@nestjs/common';
import { ConfigService } from '@papermill/config';
import { FigureEntity, FiguresRepository, PageRequest, TaskOwner } from '@papermill/database';
import { StorageObjectNotFoundError, StorageService } from '@papermill/storage';
import { create as contentDisposition } from 'content-disposition';
import { PaginatedDto } from '../common/pagination.dto.js';
import { TasksService } from '../tasks/tasks.service.js';
import { FigureDto } from './dto/figure.dto.js';

const figureNotFound = () => new NotFoundException({ detail: 'Figure not found' });

@Injectable()
export class FiguresService {
  constructor(
    private readonly config: ConfigService,
    private readonly tasks: TasksService,
    private readonly figures: FiguresRepository,
    private readonly storage: StorageService,
  ) {}

  async list(owner: TaskOwner, taskId: string, page: PageRequest): Promise<PaginatedDto<FigureDto>> {
    await this.tasks.findDone(owner, taskId);
    const result = await this.figures.listForTask(taskId, page);
    const items = await Promise.all(result.items.map((figure) => this.toDto(figure)));
    return PaginatedDto.of({ items, total: result.total }, page, (item) => item);
  }

  async get(owner: TaskOwner, taskId: string, index: number): Promise<FigureDto> {
    return this.toDto(await this.find(owner, taskId, index));
  }

  async download(
    owner: TaskOwner,
    taskId: string,
    index: number,
    attachment: boolean,
  ): Promise<StreamableFile> {
    const figure = await this.find(owner, taskId, index);
    try {
      const stat = await this.storage.stat(figure.s3Key);
      if (!stat) throw new NotFoundException({ detail: 'Figure file not found' });
      return new StreamableFile(await this.storage.get(figure.s3Key), {
        type: 'image/png',
        length: stat.size,
        disposition: contentDisposition(`picture-${figure.figureIndex}.png`, {
          type: attachment ? 'attachment' : 'inline',
        }),
      });
    } catch (error) {
      if (error instanceof NotFoundException) throw error;
      if (error instanceof StorageObjectNotFoundError)
        throw new NotFoundException({ detail: 'Figure file not found' });
      throw new BadGatewayException({ detail: 'Failed to fetch figure file' });
    }
  }

  private async find(owner: TaskOwner, taskId: string, index: number): Promise<FigureEntity> {
    await this.tasks.findDone(owner, taskId);
    const figure = await this.figures.findOne(taskId, index);
    if (!figure) throw figureNotFound();
    return figure;
  }

  private async toDto(figure: FigureEntity): Promise<FigureDto> {
    return {
      figure_index: figure.figureIndex,
      title: figure.title,
      s3_key: figure.s3Key,
      url: await this.storage.presignedGetUrl(figure.s3Key, this.config.get('FIGURE_URL_EXPIRY_SECONDS'), {
        contentType: 'image/png',
      }),
    };
  }
}
