import 'reflect-metadata';
import { exitOnStartupFailure, loadConfig } from '@papermill/config';
import { Logger } from 'nestjs-pino';
import { createApiApp } from './app.factory.js';
import { guardProcess } from './process-guard.js';

const config = loadConfig();
try {
  const app = await createApiApp(config);
  guardProcess(app.get(Logger));
  await app.listen(config.PORT);
} catch (error) {
  exitOnStartupFailure('api', error);
}
