import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@papermill/config';
import { DatabaseModule } from '@papermill/database';
import { QueueModule } from '@papermill/queue';
import { StorageModule } from '@papermill/storage';
import { LoggerModule } from 'nestjs-pino';
import { ConversionModule } from './conversion/conversion.module.js';
import { RetentionModule } from './retention/retention.module.js';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: { level: config.LOG_LEVEL } }),
        DatabaseModule.forRoot(),
        StorageModule.forRoot(),
        QueueModule.forRoot(),
        ConversionModule,
        RetentionModule,
      ],
    };
  }
}
