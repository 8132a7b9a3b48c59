/**
 * The baseline of the api benchmark: a bare Nest application on the same adapter (Express), one
 * controller, no middleware, no logger. `node dist/bench/load/hello-app.js` listens on `PORT`.
 * `GET /health` is the hello world; `GET /page` answers the JSON read once from `PAGE_FILE` (the
 * api's own page of tasks), serialized per request as any handler's result is, so the cost of
 * sending that body is measured apart from the cost of producing it.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';

const page: unknown = process.env.PAGE_FILE ? JSON.parse(readFileSync(process.env.PAGE_FILE, 'utf8')) : {};

@Controller()
class HelloController {
  @Get('health')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('page')
  page(): unknown {
    return page;
  }
}

@Module({ controllers: [HelloController] })
class HelloModule {}

const app = await NestFactory.create<NestExpressApplication>(HelloModule, { logger: false });
app.enableShutdownHooks();
await app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1');
