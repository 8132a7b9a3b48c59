import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@papermill/config';
import { NewFigure, TaskEntity, TaskLifecycle, TasksRepository } from '@papermill/database';
import { OUTPUT_FILES } from '@papermill/pdf';
import { StorageService, taskKeys } from '@papermill/storage';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import pLimit from 'p-limit';
import { TaskNotifier } from '../webhooks/task-notifier.js';
import { WorkerConversionPool } from './worker-conversion-pool.js';

/** How often progress is written to the task row and the job at most. */
const PROGRESS_INTERVAL_MS = 1000;

/** Uploads to object storage in flight at once for one task's outputs. */
const UPLOAD_CONCURRENCY = 4;

/** An output file of the conversion folder, its storage key and content type. */
type Output = [file: string, key: string, contentType: string];

/** The outcome of one attempt, for the queue to act on. */
export type ConversionOutcome = 'done' | 'skipped';

/**
 * Converts one task: PROCESSING, input from storage, conversion in a bounded child process,
 * outputs and figure rows, DONE. A bad PDF throws `PdfConversionError` (permanent); storage and
 * database errors propagate to be retried.
 */
@Injectable()
export class ConversionService {
  private readonly logger = new Logger(ConversionService.name);

  constructor(
    private readonly config: ConfigService,
    private readonly tasks: TasksRepository,
    private readonly lifecycle: TaskLifecycle,
    private readonly storage: StorageService,
    private readonly pool: WorkerConversionPool,
    private readonly notifier: TaskNotifier,
  ) {}

  async convert(
    taskId: string,
    attempt: number,
    onProgress?: (percent: number) => void,
  ): Promise<ConversionOutcome> {
    // PROCESSING is accepted too: a stalled job (worker killed) is run again under the same id.
    // `attempts` counts every start of the task, across retries, stalls and re-enqueued jobs (the
    // job's own counter misses stalls and restarts with a new job), so the reconciler can tell a
    // task that keeps killing its worker and fail it instead of looping.
    const task = await this.lifecycle.started(taskId, attempt);
    if (!task) return 'skipped';
    await this.notifier.changed(task);
    await this.removeLeftoverWorkDirs(taskId);
    const workDir = await mkdtemp(join(tmpdir(), `papermill-${taskId}-`));
    try {
      await this.run(task, workDir, onProgress);
      return 'done';
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }

  /** Ends the task FAILED with a message a person can act on (no-op if it is no longer PROCESSING). */
  async fail(taskId: string, message: string): Promise<void> {
    await this.notifier.changed(await this.lifecycle.failed(taskId, message));
  }

  /** Puts a task whose attempt failed transiently back in the queue's hands. */
  async requeue(taskId: string): Promise<void> {
    await this.notifier.changed(await this.lifecycle.retrying(taskId));
  }

  private async run(
    task: TaskEntity,
    workDir: string,
    onProgress?: (percent: number) => void,
  ): Promise<void> {
    const inputPath = join(workDir, 'input.pdf');
    await pipeline(await this.storage.get(task.inputPath), createWriteStream(inputPath));
    const outDir = join(workDir, 'out');
    let lastWrite = 0;
    const result = await this.pool.convert(
      inputPath,
      outDir,
      {
        timeoutSeconds: this.config.get('CONVERSION_TIMEOUT_SECONDS'),
        pageTimeoutSeconds: this.config.get('PAGE_TIMEOUT_SECONDS'),
        memoryMb: this.config.get('CONVERSION_MEMORY_MB'),
        maxPages: this.config.get('MAX_PAGES'),
      },
      ({ page, pages }) => {
        // Pages can come hundreds a second; the row and the job hear of them at most once a second.
        if (Date.now() - lastWrite < PROGRESS_INTERVAL_MS && page < pages) return;
        lastWrite = Date.now();
        onProgress?.(Math.floor((page / pages) * 100));
        this.tasks.setProgress(task.id, page, pages).then(
          () => this.notifier.progressed(task.id),
          (error: unknown) => this.logger.warn({ err: error, taskId: task.id }, 'Progress not recorded'),
        );
      },
    );
    if (result.textOnly)
      this.logger.warn({ taskId: task.id }, 'Figures skipped: the full conversion crashed');
    if (result.skippedPages.length)
      this.logger.warn({ taskId: task.id, skipped: result.skippedPages }, 'Pages left out of the conversion');

    const keys = taskKeys(task.id);
    const figures: NewFigure[] = result.figures.map((figure) => ({
      figureIndex: figure.index,
      title: figure.title,
      s3Key: keys.figure(figure.index),
      page: figure.page,
      bbox: figure.bbox,
    }));
    // Same keys on every attempt, so a retry overwrites rather than duplicates.
    await this.uploadAll(
      [
        [OUTPUT_FILES.markdown, keys.markdown, 'text/markdown; charset=utf-8'],
        [OUTPUT_FILES.assets, keys.assets, 'application/json'],
        ...result.figures.map((figure, i): Output => [figure.file, figures[i].s3Key, 'image/png']),
      ],
      outDir,
    );
    const done = await this.lifecycle.completed(task.id, keys.markdown, figures, result.pageCount);
    await this.notifier.changed(done);
    if (!done) {
      // Deleted (or resolved by the reconciler) while converting: leave nothing behind.
      this.logger.warn({ taskId: task.id }, 'Task gone before completion; discarding outputs');
      for (const prefix of keys.outputPrefixes) {
        await this.storage.deletePrefix(prefix).catch(() => undefined);
      }
    }
  }

  /**
   * Removes the work folders of earlier attempts at this task that never cleaned up (their worker was
   * killed): only one attempt at a task runs at a time, since the job's lock is held meanwhile.
   */
  private async removeLeftoverWorkDirs(taskId: string): Promise<void> {
    const prefix = `papermill-${taskId}-`;
    const names = await readdir(tmpdir()).catch(() => [] as string[]);
    for (const name of names.filter((entry) => entry.startsWith(prefix))) {
      await rm(join(tmpdir(), name), { recursive: true, force: true }).catch(() => undefined);
    }
  }

  /**
   * Stores the outputs a few at a time: one request each is mostly round trips to object storage
   * (8 objects to s3rver on loopback: 38 ms one after another, 20 ms together). Every upload has
   * ended, one way or the other, before this returns, so a retry never races a straggler.
   */
  private async uploadAll(outputs: Output[], outDir: string): Promise<void> {
    const limit = pLimit(UPLOAD_CONCURRENCY);
    const settled = await Promise.allSettled(
      outputs.map(([file, key, contentType]) =>
        limit(async () => {
          const path = join(outDir, file);
          const { size } = await stat(path);
          await this.storage.put(key, createReadStream(path), size, contentType);
        }),
      ),
    );
    const failed = settled.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
  }
}
