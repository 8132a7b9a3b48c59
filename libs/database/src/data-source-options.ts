import { DataSourceOptions } from 'typeorm';
import { ApiKeyEntity } from './entities/api-key.entity.js';
import { FigureEntity } from './entities/figure.entity.js';
import { TaskEntity } from './entities/task.entity.js';
import { InitialSchema1764300000000 } from './migrations/1764300000000-initial-schema.js';
import { TaskOwnerCounts1764400000000 } from './migrations/1764400000000-task-owner-counts.js';
import { QuotasAndKeyLineage1764500000000 } from './migrations/1764500000000-quotas-and-key-lineage.js';
import { TaskCallbackUrl1764600000000 } from './migrations/1764600000000-task-callback-url.js';

export const ENTITIES = [TaskEntity, FigureEntity, ApiKeyEntity];
export const MIGRATIONS = [
  InitialSchema1764300000000,
  TaskOwnerCounts1764400000000,
  QuotasAndKeyLineage1764500000000,
  TaskCallbackUrl1764600000000,
];

/** Options shared by the Nest module and anything that needs a bare DataSource. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Fail fast instead of hanging on a dead server; the pool reconnects on the next query.
    extra: { max: 10, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30000 },
  };
}
