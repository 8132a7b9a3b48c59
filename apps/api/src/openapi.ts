import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@papermill/config';
import { AppModule } from './app.module.js';
import { buildOpenApi } from './swagger.js';

/** Prints the OpenAPI document (`npm run openapi > openapi.json`); needs Postgres and Redis like the api. */
const app = await NestFactory.create(AppModule.forRoot(loadConfig({ LOG_LEVEL: 'silent' })), {
  logger: false,
});
process.stdout.write(JSON.stringify(buildOpenApi(app), null, 2) + '\n');
await app.close();
