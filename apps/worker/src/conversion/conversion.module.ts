import { Module } from '@nestjs/common';
import { ConversionService } from './conversion.service.js';
import { ConversionWorker } from './conversion.worker.js';
import { ReconcilerService } from './reconciler.service.js';
import { WorkerConversionPool } from './worker-conversion-pool.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';

@Module({
  imports: [WebhooksModule],
  providers: [ConversionService, ConversionWorker, ReconcilerService, WorkerConversionPool],
})
export class ConversionModule {}
