import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@papermill/config';
import { DatabaseModule } from '@papermill/database';
import { QueueModule } from '@papermill/queue';
import { StorageModule } from '@papermill/storage';
import { LoggerModule } from 'nestjs-pino';
import { ApiKeysModule } from './api-keys/api-keys.module.js';
import { AuthModule } from './auth/auth.module.js';
import { loggerParams } from './common/request-logging.js';
import { FiguresModule } from './figures/figures.module.js';
import { HealthModule } from './health/health.module.js';
import { MetaModule } from './meta/meta.module.js';
import { QuotasModule } from './quotas/quotas.module.js';
import { StorageLinksModule } from './storage-links/storage-links.module.js';
import { TasksModule } from './tasks/tasks.module.js';
import { WebModule } from './web/web.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config)),
        DatabaseModule.forRoot(),
        StorageModule.forRoot(),
        QueueModule.forRoot(),
        QuotasModule,
        AuthModule,
        HealthModule,
        MetaModule,
        TasksModule,
        FiguresModule,
        ApiKeysModule,
        StorageLinksModule,
        WebModule,
      ],
    };
  }
}
