import {
  ConflictException,
  Injectable,
  InternalServerErrorException,
  Logger,
  NotFoundException,
  StreamableFile,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import {
  PageRequest,
  TaskEntity,
  TaskLifecycle,
  TaskOwner,
  TasksRepository,
  TaskStatus,
  WORKER_HELD_STATUSES,
} from '@papermill/database';
import { DocumentQueue } from '@papermill/queue';
import {
  StorageObjectNotFoundError,
  StorageService,
  assetsKeyFor,
  contentTypeForKey,
  taskKeys,
} from '@papermill/storage';
import { create as contentDisposition } from 'content-disposition';
import { createReadStream } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { PaginatedDto } from '../common/pagination.dto.js';
import { QuotasService } from '../quotas/quotas.service.js';
import { TaskDto } from './dto/task.dto.js';
import { cleanFileName, downloadName } from './upload/file-name.js';
import { CallbackUrlPolicy } from './upload/callback-url.policy.js';
import { startsLikePdf } from './upload/pdf-signature.js';

const notFound = () => new NotFoundException({ detail: 'Task not found' });
const notReady = () => new ConflictException({ detail: 'Task result not ready' });
const outputMissing = () => new NotFoundException({ detail: 'Task output file missing' });

@Injectable()
export class TasksService {
  private readonly logger = new Logger(TasksService.name);

  constructor(
    private readonly tasks: TasksRepository,
    private readonly lifecycle: TaskLifecycle,
    private readonly storage: StorageService,
    private readonly queue: DocumentQueue,
    private readonly quotas: QuotasService,
    private readonly callbackUrls: CallbackUrlPolicy,
  ) {}

  /**
   * Stores the upload, writes the row and enqueues it. Whatever fails, nothing is left PENDING and
   * no object is left without a row.
   */
  async create(owner: TaskOwner, file: Express.Multer.File, callbackUrl?: string): Promise<TaskDto> {
    const fileName = cleanFileName(file.originalname ?? '');
    const callback = await this.callbackUrls.check(callbackUrl);
    await this.quotas.assertRoomFor(owner, file.size);
    if (!(await startsLikePdf(file.path))) {
      throw new UnsupportedMediaTypeException({ detail: 'Uploaded file must be a PDF' });
    }
    const id = randomUUID();
    const keys = taskKeys(id);
    let task: TaskEntity;
    try {
      await this.storage.put(keys.input, createReadStream(file.path), file.size, 'application/pdf');
      task = await this.tasks.create({
        id,
        fileName,
        inputPath: keys.input,
        owner,
        inputBytes: file.size,
        callbackUrl: callback,
      });
    } catch (error) {
      await this.storage.deletePrefix(keys.uploadPrefix).catch(() => undefined);
      throw error;
    }
    // QUEUED before the job exists: a fast worker must find the row ready to be taken.
    const queued = await this.lifecycle.queued(id);
    try {
      await this.queue.enqueueConversion(id);
    } catch (error) {
      this.logger.error({ err: error, taskId: id }, 'Enqueue failed');
      await this.lifecycle.enqueueFailed(id, 'The task could not be queued; please upload the file again');
      throw new InternalServerErrorException({ detail: 'Failed to enqueue task' });
    }
    return TaskDto.from(queued ?? task);
  }

  async list(owner: TaskOwner, page: PageRequest): Promise<PaginatedDto<TaskDto>> {
    return PaginatedDto.of(await this.tasks.listOwned(owner, page), page, TaskDto.fromListing);
  }

  async get(owner: TaskOwner, id: string): Promise<TaskDto> {
    return TaskDto.from(await this.findOwned(owner, id));
  }

  async delete(owner: TaskOwner, id: string): Promise<{ deleted: true }> {
    const outcome = await this.tasks.deleteOwned(id, owner, WORKER_HELD_STATUSES, async () => {
      for (const prefix of taskKeys(id).prefixes) await this.storage.deletePrefix(prefix);
    });
    switch (outcome) {
      case 'not_found':
        throw notFound();
      case 'in_flight':
        throw new ConflictException({ detail: 'Cannot delete task while processing' });
      case 'deleted':
        return { deleted: true };
    }
  }

  async download(owner: TaskOwner, id: string): Promise<StreamableFile> {
    const task = await this.findDone(owner, id);
    const key = task.outputPath;
    if (!key) throw outputMissing();
    const stat = await this.storage.stat(key);
    if (!stat) throw outputMissing();
    const extension = /\.[^./]*$/.exec(key)?.[0] ?? '';
    return new StreamableFile(await this.openOrMissing(key, outputMissing), {
      type: contentTypeForKey(key),
      length: stat.size,
      disposition: contentDisposition(downloadName(task.fileName, extension)),
    });
  }

  async assets(owner: TaskOwner, id: string): Promise<unknown> {
    const task = await this.findDone(owner, id);
    if (!task.outputPath) throw outputMissing();
    const missing = () => new NotFoundException({ detail: 'Task assets file missing' });
    const stream = await this.openOrMissing(assetsKeyFor(task.outputPath), missing);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    try {
      return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    } catch {
      throw new InternalServerErrorException({ detail: 'Task assets file is invalid' });
    }
  }

  /** The caller's task; another caller's task is reported exactly like a missing one. */
  async findOwned(owner: TaskOwner, id: string): Promise<TaskEntity> {
    const task = await this.tasks.findOwned(id, owner);
    if (!task) throw notFound();
    return task;
  }

  async findDone(owner: TaskOwner, id: string): Promise<TaskEntity> {
    const task = await this.findOwned(owner, id);
    if (task.status !== TaskStatus.Done) throw notReady();
    return task;
  }

  private async openOrMissing(key: string, missing: () => Error) {
    try {
      return await this.storage.get(key);
    } catch (error) {
      if (error instanceof StorageObjectNotFoundError) throw missing();
      throw error;
    }
  }
}
