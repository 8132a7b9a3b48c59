import 'reflect-metadata';
import { loadConfig } from '@papermill/config';
import { createApiApp } from './app.factory.js';

const config = loadConfig();
const app = await createApiApp(config);
await app.listen(config.PORT);
