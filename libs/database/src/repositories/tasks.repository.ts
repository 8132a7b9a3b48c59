import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, LessThan } from 'typeorm';
import { FigureEntity } from '../entities/figure.entity.js';
import { TaskStatus } from '../entities/task-status.js';
import { TaskEntity } from '../entities/task.entity.js';
import { Page, PageRequest } from '../page.js';
import { TaskOwner, ownerColumns, ownerKey, ownerWhere } from '../task-owner.js';

export interface NewTask {
  id: string;
  fileName: string;
  inputPath: string;
  owner: TaskOwner;
  /** Size of the uploaded file, counted against the owner's storage quota. */
  inputBytes: number;
  /** Webhook target, already checked by the caller. */
  callbackUrl?: string | null;
}

/** What an owner holds now, as quotas count it. */
export interface OwnerUsage {
  tasksInFlight: number;
  storedBytes: number;
}

type TransitionPatch = Partial<
  Pick<TaskEntity, 'outputPath' | 'errorMessage' | 'pageCount' | 'pagesDone' | 'attempts'>
>;

/** A task as lists show it; timestamps are ISO 8601 in UTC with milliseconds, as `toISOString()` writes. */
export type TaskListing = Pick<
  TaskEntity,
  'id' | 'fileName' | 'status' | 'inputPath' | 'outputPath' | 'errorMessage' | 'pageCount' | 'pagesDone'
> & { createdAt: string; updatedAt: string };

export type NewFigure = Pick<FigureEntity, 'figureIndex' | 'title' | 's3Key' | 'page' | 'bbox'>;

export type DeleteOutcome = 'deleted' | 'not_found' | 'in_flight';

/**
 * A finished guest task past its retention. `createdAt` is Postgres's own text of the timestamp:
 * it keeps the microseconds a `Date` would drop, so paging from it never skips or repeats a row.
 */
export interface ExpiredGuestTask {
  id: string;
  guestId: string;
  createdAt: string;
}

/**
 * Every read and write of `tasks`. Status changes are compare-and-set (`WHERE status = ANY(from)`),
 * so the api, the worker and the reconciler can never overwrite each other's transitions.
 */
@Injectable()
export class TasksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(TaskEntity);
  }

  async create(task: NewTask): Promise<TaskEntity> {
    const entity = this.repo.create({
      id: task.id,
      fileName: task.fileName,
      inputPath: task.inputPath,
      inputBytes: task.inputBytes,
      status: TaskStatus.Pending,
      outputPath: null,
      errorMessage: null,
      callbackUrl: task.callbackUrl ?? null,
      ...ownerColumns(task.owner),
    });
    return this.repo.save(entity);
  }

  findById(id: string): Promise<TaskEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findOwned(id: string, owner: TaskOwner): Promise<TaskEntity | null> {
    return this.repo.findOneBy({ id, ...ownerWhere(owner) });
  }

  /**
   * A page of the owner's tasks, newest first. This is the hottest query of the api, so it is plain
   * SQL on the `tasks_*_recent` indexes, the total comes from the trigger-maintained count rather
   * than a COUNT over every task of the owner, and rows arrive in their listed shape (no Date to parse
   * and format again for each of the page's timestamps).
   */
  async listOwned(owner: TaskOwner, page: PageRequest): Promise<Page<TaskListing>> {
    const column = owner.kind === 'user' ? 'owner_user_id' : 'owner_guest_id';
    const id = owner.kind === 'user' ? owner.userId : owner.guestId;
    const countSql = 'SELECT n FROM task_owner_counts WHERE owner_key = $1';
    // One round trip: the total rides along on every row; a page past the end asks for it alone.
    const rows = await this.dataSource.query<(TaskListing & { total: string | null })[]>(
      `SELECT ${LISTING_COLUMNS}, (${countSql.replace('$1', '$4')}) AS total
       FROM tasks WHERE ${column} = $1
       ORDER BY tasks.created_at DESC, tasks.id DESC LIMIT $2 OFFSET $3`,
      [id, page.limit, page.offset, ownerKey(owner)],
    );
    const total = rows.length
      ? rows[0].total
      : (await this.dataSource.query<{ n: string }[]>(countSql, [ownerKey(owner)]))[0]?.n;
    // The rows are handed on as they came (each still carries `total`): callers pick their fields.
    return { items: rows, total: Number(total ?? 0) };
  }

  /**
   * Tasks not yet finished and bytes uploaded, for quotas: the bytes come from the trigger-kept
   * owner row and the count from a partial index of in-flight tasks, so neither reads the owner's
   * finished tasks.
   */
  async usage(owner: TaskOwner): Promise<OwnerUsage> {
    const column = owner.kind === 'user' ? 'owner_user_id' : 'owner_guest_id';
    const id = owner.kind === 'user' ? owner.userId : owner.guestId;
    const [row] = await this.dataSource.query<{ in_flight: string; bytes: string | null }[]>(
      `SELECT (SELECT count(*) FROM tasks WHERE ${column} = $1
                 AND status IN ('PENDING', 'QUEUED', 'PROCESSING')) AS in_flight,
              (SELECT bytes FROM task_owner_counts WHERE owner_key = $2) AS bytes`,
      [id, ownerKey(owner)],
    );
    return { tasksInFlight: Number(row.in_flight), storedBytes: Number(row.bytes ?? 0) };
  }

  /** Moves the task from one of `from` to `to`; null when it was in another status (or is gone). */
  async transition(
    id: string,
    from: TaskStatus | readonly TaskStatus[],
    to: TaskStatus,
    patch: TransitionPatch = {},
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TaskEntity | null> {
    const statuses = Array.isArray(from) ? [...from] : [from];
    const result = await manager.update(TaskEntity, { id, status: In(statuses) }, { ...patch, status: to });
    return result.affected ? manager.findOneBy(TaskEntity, { id }) : null;
  }

  /** Records conversion progress without touching the status. */
  async setProgress(id: string, pagesDone: number, pageCount: number): Promise<void> {
    await this.repo.update({ id, status: TaskStatus.Processing }, { pagesDone, pageCount });
  }

  /**
   * Starts an attempt: any not-finished status -> PROCESSING, progress reset, and `attempts` raised
   * to at least `atLeast` and past its last value, in one compare-and-set (no read before the write).
   */
  async startAttempt(id: string, from: readonly TaskStatus[], atLeast: number): Promise<TaskEntity | null> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(TaskEntity)
      .set({
        status: TaskStatus.Processing,
        pagesDone: 0,
        attempts: () => 'GREATEST(:atLeast, attempts + 1)',
      })
      .where('id = :id AND status IN (:...from)', { id, from: [...from] })
      .setParameter('atLeast', Math.trunc(atLeast))
      .execute();
    return result.affected ? this.findById(id) : null;
  }

  /**
   * Replaces the figures, records every page done and marks the task DONE in one transaction
   * (idempotent across attempts).
   */
  async complete(
    id: string,
    from: readonly TaskStatus[],
    outputPath: string,
    figures: NewFigure[],
    pageCount: number,
  ): Promise<TaskEntity | null> {
    return this.dataSource
      .transaction(async (manager) => {
        await manager.delete(FigureEntity, { taskId: id });
        if (figures.length)
          await manager.insert(
            FigureEntity,
            figures.map((f) => ({ ...f, taskId: id })),
          );
        const done = await this.transition(
          id,
          from,
          TaskStatus.Done,
          { outputPath, errorMessage: null, pageCount, pagesDone: pageCount },
          manager,
        );
        // Deleted or resolved elsewhere meanwhile: keep nothing of this attempt.
        if (!done) throw new TaskGoneError();
        return done;
      })
      .catch((error: unknown) => {
        if (error instanceof TaskGoneError) return null;
        throw error;
      });
  }

  /**
   * Deletes a task that is not in flight. `removeObjects` runs inside the transaction, with the row
   * locked, so a storage failure leaves the row (and a retry possible) rather than orphan objects.
   */
  async deleteOwned(
    id: string,
    owner: TaskOwner,
    inFlight: readonly TaskStatus[],
    removeObjects: (task: TaskEntity) => Promise<void>,
  ): Promise<DeleteOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const task = await manager.findOne(TaskEntity, {
        where: { id, ...ownerWhere(owner) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!task) return 'not_found';
      if (inFlight.includes(task.status)) return 'in_flight';
      await removeObjects(task);
      await manager.delete(TaskEntity, { id });
      return 'deleted';
    });
  }

  /**
   * Tasks sitting in one of `statuses` since before `before` (candidates for the reconciler), oldest
   * first; `offset` pages past the ones a caller left as they were.
   */
  findStale(statuses: readonly TaskStatus[], before: Date, limit = 100, offset = 0): Promise<TaskEntity[]> {
    return this.repo.find({
      where: { status: In([...statuses]), updatedAt: LessThan(before) },
      order: { updatedAt: 'ASC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
  }

  /**
   * Finished (DONE or FAILED) guest tasks created before `before`, oldest first, `limit` at a time;
   * `after` is the last one of the previous page (rows left in place, say after a storage failure,
   * are not read again in the same pass).
   */
  expiredGuestTasks(
    before: Date,
    limit: number,
    after?: Pick<ExpiredGuestTask, 'id' | 'createdAt'>,
  ): Promise<ExpiredGuestTask[]> {
    return this.dataSource.query<ExpiredGuestTask[]>(
      `SELECT id, owner_guest_id AS "guestId", created_at::text AS "createdAt" FROM tasks
       WHERE owner_guest_id IS NOT NULL AND status IN ('DONE', 'FAILED') AND created_at < $1
         AND ($3::timestamptz IS NULL OR (created_at, id) > ($3::timestamptz, $4::uuid))
       ORDER BY created_at, id LIMIT $2`,
      // Statuses spelled out, not a parameter, so the planner can use the partial index tasks_guest_expiry.
      [before, limit, after?.createdAt ?? null, after?.id ?? null],
    );
  }

  /** Which of `ids` (task ids, lower-case uuids) have a row. */
  async existingIds(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.dataSource.query<{ id: string }[]>(
      'SELECT id FROM tasks WHERE id = ANY($1::uuid[])',
      [[...ids]],
    );
    return new Set(rows.map((row) => row.id));
  }
}

class TaskGoneError extends Error {}

/** A timestamp as JavaScript's `toISOString()` writes it (UTC, milliseconds, `Z`), made by Postgres. */
const isoUtc = (column: string) =>
  `to_char(tasks.${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const LISTING_COLUMNS = `id, file_name AS "fileName", status, input_path AS "inputPath",
  output_path AS "outputPath", error_message AS "errorMessage",
  page_count AS "pageCount", pages_done AS "pagesDone",
  ${isoUtc('created_at')} AS "createdAt", ${isoUtc('updated_at')} AS "updatedAt"`;
