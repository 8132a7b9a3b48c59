import 'reflect-metadata';
import { exitOnStartupFailure, loadConfig } from '@papermill/config';
import { createWorkerApp } from './worker.factory.js';

try {
  await createWorkerApp(loadConfig());
} catch (error) {
  exitOnStartupFailure('worker', error);
}
