import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@papermill/config';
import { ConversionPool } from '@papermill/pdf';

/**
 * The worker's warm conversion processes, one per concurrent job. They are stopped at shutdown,
 * after the queue consumer has let its active jobs finish (`beforeApplicationShutdown`).
 */
@Injectable()
export class WorkerConversionPool extends ConversionPool implements OnApplicationShutdown {
  constructor(config: ConfigService) {
    super({ size: config.get('WORKER_CONCURRENCY') });
  }

  onApplicationShutdown(): void {
    this.close();
  }
}
