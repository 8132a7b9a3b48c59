export { AdvisoryLocks } from './advisory-locks.js';
export { ApiKeyEntity } from './entities/api-key.entity.js';
export { FigureEntity } from './entities/figure.entity.js';
export { TaskEntity } from './entities/task.entity.js';
export { TaskStatus } from './entities/task-status.js';
export { TaskLifecycle, TRANSITIONS, UNFINISHED_STATUSES, WORKER_HELD_STATUSES } from './task-lifecycle.js';
export { isFinished, taskView } from './task-view.js';
export type { TaskView } from './task-view.js';
export { DatabaseModule } from './database.module.js';
export { dataSourceOptions } from './data-source-options.js';
export { createDatabaseIfMissing, openDatabase, runMigrations } from './prepare-database.js';
export type { Page, PageRequest } from './page.js';
export type { TaskOwner } from './task-owner.js';
export { ownerKey } from './task-owner.js';
export { ApiKeysRepository } from './repositories/api-keys.repository.js';
export type { NewApiKey } from './repositories/api-keys.repository.js';
export { FiguresRepository } from './repositories/figures.repository.js';
export { ServerSecretsRepository } from './repositories/server-secrets.repository.js';
export { TasksRepository } from './repositories/tasks.repository.js';
export type {
  DeleteOutcome,
  ExpiredGuestTask,
  NewFigure,
  NewTask,
  OwnerUsage,
  TaskListing,
} from './repositories/tasks.repository.js';
