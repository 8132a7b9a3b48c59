import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig } from '@papermill/config';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { FastApiExceptionFilter } from './common/fastapi-exception.filter.js';
import { FastApiValidationPipe } from './common/fastapi-validation.pipe.js';
import { verifyJsonDepth } from './common/json-depth.js';
import { setupSwagger } from './swagger.js';

/** The api application, configured exactly as `main.ts` runs it (the end-to-end tests use it too). */
export async function createApiApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: true,
    // Start-up errors reach the caller (one clear line in main.ts) instead of Nest's own exit.
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'img-src': ["'self'", 'data:', 'https:', 'http:'],
          'style-src': ["'self'", "'unsafe-inline'"],
        },
      },
      crossOriginResourcePolicy: { policy: 'cross-origin' },
    }),
  );
  // Only behind a proxy named here are X-Forwarded-For/-Host/-Proto believed (client IP, own host).
  app.set('trust proxy', config.TRUST_PROXY);
  app.use(cookieParser());
  // Nest's type leaves out `verify` (it uses the hook for rawBody, which is off here); express passes it on.
  const jsonOptions = { limit: '1mb', verify: verifyJsonDepth };
  app.useBodyParser('json', jsonOptions);
  app.enableCors({
    origin: config.CORS_ORIGINS,
    credentials: true,
    exposedHeaders: ['Content-Disposition', 'X-Request-Id'],
  });
  app.useGlobalPipes(new FastApiValidationPipe());
  app.useGlobalFilters(new FastApiExceptionFilter());
  // On SIGTERM/SIGINT: stop listening, finish the requests in flight, close, then exit 0.
  app.enableShutdownHooks([], { useProcessExit: true });
  if (config.SWAGGER_ENABLED) setupSwagger(app);
  return app;
}
