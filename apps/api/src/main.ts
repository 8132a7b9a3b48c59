import 'reflect-metadata';
import { exitOnStartupFailure, loadConfig } from '@papermill/config';
import { createApiApp } from './app.factory.js';

const config = loadConfig();
try {
  const app = await createApiApp(config);
  await app.listen(config.PORT);
} catch (error) {
  exitOnStartupFailure('api', error);
}
