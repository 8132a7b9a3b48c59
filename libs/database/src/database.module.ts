import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConfigService } from '@papermill/config';
import { AdvisoryLocks } from './advisory-locks.js';
import { dataSourceOptions } from './data-source-options.js';
import { createDatabaseIfMissing, runMigrations } from './prepare-database.js';
import { ApiKeysRepository } from './repositories/api-keys.repository.js';
import { FiguresRepository } from './repositories/figures.repository.js';
import { ServerSecretsRepository } from './repositories/server-secrets.repository.js';
import { TasksRepository } from './repositories/tasks.repository.js';
import { TaskLifecycle } from './task-lifecycle.js';
import { DataSource } from 'typeorm';

const PROVIDERS = [
  TasksRepository,
  FiguresRepository,
  ApiKeysRepository,
  ServerSecretsRepository,
  AdvisoryLocks,
  TaskLifecycle,
];

/** Postgres for a process: creates the database if missing and runs migrations before anything uses it. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [ConfigService],
          useFactory: async (config: ConfigService) => {
            await createDatabaseIfMissing(config.get('DATABASE_URL'));
            return dataSourceOptions(config.get('DATABASE_URL'));
          },
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options!).initialize();
            await runMigrations(dataSource);
            return dataSource;
          },
        }),
      ],
      providers: PROVIDERS,
      exports: PROVIDERS,
    };
  }
}
