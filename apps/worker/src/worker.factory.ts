import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig } from '@papermill/config';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module.js';

/** The worker process's application context (no HTTP), as `main.ts` runs it and the tests boot it. */
export async function createWorkerApp(config: AppConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  // On SIGTERM/SIGINT: finish the active conversions, close, then exit 0 (flushing the logs).
  app.enableShutdownHooks([], { useProcessExit: true });
  return app;
}
