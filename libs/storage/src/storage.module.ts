import { DynamicModule, Global, Logger, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@papermill/config';
import { LocalStorageService } from './local-storage.service.js';
import { S3StorageService } from './s3-storage.service.js';
import { StorageService } from './storage.service.js';

const RETRY_MS = 5000;

function createStorage(config: ConfigService): StorageService {
  const driver = config.get('STORAGE_DRIVER');
  switch (driver) {
    case 'local':
      return new LocalStorageService(config);
    case 's3':
      return new S3StorageService(config);
  }
}

/** Provides `StorageService` for the driver `STORAGE_DRIVER` names; prepares it at start-up. */
@Global()
@Module({})
export class StorageModule implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Storage');
  private retry?: NodeJS.Timeout;

  constructor(private readonly storage: StorageService) {}

  static forRoot(): DynamicModule {
    return {
      module: StorageModule,
      providers: [{ provide: StorageService, useFactory: createStorage, inject: [ConfigService] }],
      exports: [StorageService],
    };
  }

  /**
   * Prepares the backend; when it is not reachable yet (MinIO still starting), the process starts
   * anyway, readiness reports storage down, and preparation is retried in the background.
   */
  async onModuleInit(): Promise<void> {
    try {
      await this.storage.ensureReady();
    } catch (error) {
      this.logger.warn(`${(error as Error).message}; retrying every ${RETRY_MS / 1000} s`);
      this.retry = setInterval(() => {
        this.storage.ensureReady().then(
          () => {
            clearInterval(this.retry);
            this.logger.log('Storage ready');
          },
          () => undefined,
        );
      }, RETRY_MS);
      this.retry.unref();
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.retry);
  }
}
