import { DynamicModule, Global, Module, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@papermill/config';
import { LocalStorageService } from './local-storage.service.js';
import { S3StorageService } from './s3-storage.service.js';
import { StorageService } from './storage.service.js';

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
export class StorageModule implements OnModuleInit {
  constructor(private readonly storage: StorageService) {}

  static forRoot(): DynamicModule {
    return {
      module: StorageModule,
      providers: [{ provide: StorageService, useFactory: createStorage, inject: [ConfigService] }],
      exports: [StorageService],
    };
  }

  async onModuleInit(): Promise<void> {
    await this.storage.ensureReady();
  }
}
