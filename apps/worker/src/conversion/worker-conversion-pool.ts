import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@papermill/config';
import { ConversionPool, OcrOptions, checkOcrSetup } from '@papermill/pdf';

/**
 * The worker's warm conversion processes, one per concurrent job. They are stopped at shutdown,
 * after the queue consumer has let its active jobs finish (`beforeApplicationShutdown`).
 */
@Injectable()
export class WorkerConversionPool extends ConversionPool implements OnModuleInit, OnApplicationShutdown {
  private readonly ocr: OcrOptions;

  constructor(config: ConfigService) {
    const ocr: OcrOptions = {
      mode: config.get('OCR'),
      engine: config.get('OCR_ENGINE'),
      languages: config.get('OCR_LANGUAGES'),
      dataDir: config.get('OCR_DATA_DIR'),
    };
    super({ size: config.get('WORKER_CONCURRENCY'), ocr });
    this.ocr = ocr;
  }

  /** A configured OCR engine or language that is missing stops the worker at start, with its name. */
  async onModuleInit(): Promise<void> {
    if (this.ocr.mode !== 'off') await checkOcrSetup(this.ocr);
  }

  onApplicationShutdown(): void {
    this.close();
  }
}
