import 'reflect-metadata';
import { loadConfig } from '@papermill/config';
import { createWorkerApp } from './worker.factory.js';

await createWorkerApp(loadConfig());
