import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@papermill/config';
import { AdvisoryLocks, TasksRepository, UNFINISHED_STATUSES } from '@papermill/database';
import { StorageService, taskIdOfKey, taskKeys } from '@papermill/storage';
import { PeriodicPass } from '../common/periodic-pass.js';

/** Held while sweeping, so that of several workers one sweeps at a time (each would list every object). */
export const SWEEP_LOCK = 'papermill:retention-sweep';
/** Tasks read, and listed keys checked against the database, at once. */
const BATCH_SIZE = 100;
/**
 * An object younger than this may belong to an upload whose row is not written yet (the api stores
 * the file first): it is never taken for an orphan.
 */
export const ORPHAN_GRACE_MS = 60 * 60_000;
/** Orphaned keys gathered in one pass (they are deleted once the listing ends); the rest wait a pass. */
const MAX_ORPHANS_PER_SWEEP = 10_000;

export interface SweepResult {
  /** Expired guest tasks deleted, with their figures and objects. */
  tasks: number;
  /** Objects deleted because no task row owns them. */
  orphans: number;
}

/**
 * Deletes guest tasks (rows, figure rows and every object) once they are `GUEST_RETENTION_HOURS`
 * old and finished, and objects no task row owns (left by a crash between storing a file and
 * writing its row). Objects go before their row, so a crash between the two leaves a row the next
 * sweep retries, never an orphan. One worker sweeps at a time (an advisory lock); were two to run
 * at once it would still be harmless: each deletion locks its row and every step is idempotent.
 */
@Injectable()
export class RetentionService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(RetentionService.name);
  private readonly passes = new PeriodicPass(
    async () => {
      const result = await this.sweep();
      if (result?.tasks || result?.orphans) this.logger.log(result, 'Retention sweep deleted');
    },
    (error) => this.logger.warn({ err: error }, 'Retention sweep failed'),
  );

  constructor(
    private readonly config: ConfigService,
    private readonly tasks: TasksRepository,
    private readonly storage: StorageService,
    private readonly locks: AdvisoryLocks,
  ) {}

  onModuleInit(): void {
    this.passes.start(this.config.get('RETENTION_SWEEP_INTERVAL_SECONDS') * 1000);
  }

  /** Before the database and storage close (on application shutdown), so a running sweep can end. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.passes.stop();
  }

  /** One sweep: expired guest tasks first, then orphaned objects; null while another worker sweeps. */
  async sweep(now = new Date()): Promise<SweepResult | null> {
    const result = await this.locks.runExclusive(SWEEP_LOCK, async () => {
      const tasks = await this.deleteExpiredGuestTasks(now);
      const orphans = await this.deleteOrphans(now);
      return { tasks, orphans };
    });
    return result ?? null;
  }

  private async deleteExpiredGuestTasks(now: Date): Promise<number> {
    const before = new Date(now.getTime() - this.config.get('GUEST_RETENTION_HOURS') * 3_600_000);
    let deleted = 0;
    let after: { id: string; createdAt: string } | undefined;
    for (;;) {
      const page = await this.tasks.expiredGuestTasks(before, BATCH_SIZE, after);
      for (const task of page) {
        // Row locked and status checked again: a task the api deleted meanwhile is simply gone.
        const outcome = await this.tasks.deleteOwned(
          task.id,
          { kind: 'guest', guestId: task.guestId },
          UNFINISHED_STATUSES,
          () => this.deleteObjects(task.id),
        );
        if (outcome === 'deleted') deleted++;
      }
      if (page.length < BATCH_SIZE) return deleted;
      after = page[page.length - 1];
    }
  }

  private async deleteObjects(taskId: string): Promise<void> {
    for (const prefix of taskKeys(taskId).prefixes) await this.storage.deletePrefix(prefix);
  }

  private async deleteOrphans(now: Date): Promise<number> {
    const oldEnough = now.getTime() - ORPHAN_GRACE_MS;
    const orphans: string[] = [];
    let batch: { key: string; taskId: string }[] = [];
    const check = async () => {
      const existing = await this.tasks.existingIds([...new Set(batch.map((entry) => entry.taskId))]);
      for (const entry of batch) if (!existing.has(entry.taskId)) orphans.push(entry.key);
      batch = [];
    };
    for await (const entry of this.storage.list('')) {
      if (entry.lastModified.getTime() >= oldEnough) continue;
      // Keys of any other shape are no task's: not ours to judge.
      const taskId = taskIdOfKey(entry.key);
      if (!taskId) continue;
      batch.push({ key: entry.key, taskId });
      if (batch.length >= BATCH_SIZE) await check();
      if (orphans.length >= MAX_ORPHANS_PER_SWEEP) break;
    }
    await check();
    // Deleted once the listing is over, not while it pages. The key as prefix names that object
    // alone: no key of a task is another one's prefix (`picture-1.png`, `picture-10.png`).
    let deleted = 0;
    for (const key of orphans) deleted += await this.storage.deletePrefix(key);
    return deleted;
  }
}
