/**
 * The baseline of the api benchmark: a bare Nest application on the same adapter (Express), one
 * controller, no middleware, no logger. `node dist/bench/load/hello-app.js` listens on `PORT`.
 */
import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';

@Controller()
class HelloController {
  @Get('health')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }
}

@Module({ controllers: [HelloController] })
class HelloModule {}

const app = await NestFactory.create<NestExpressApplication>(HelloModule, { logger: false });
app.enableShutdownHooks();
await app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1');
