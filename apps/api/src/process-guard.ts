import { LoggerService } from '@nestjs/common';

/**
 * A promise rejected with no handler must not end the process: whatever request it came from has
 * already been answered (or failed on its own), and every other request is fine. It is logged as an
 * error; when it happened within a request, the line carries that request's id (nestjs-pino keeps
 * the request's logger in async context, and Node emits the event in the promise's context).
 *
 * A thrown exception nobody caught is different: the process's state is unknown, so it is logged and
 * the process exits, and whatever runs it (`npm start`, the orchestrator) starts a fresh one.
 */
export function guardProcess(logger: LoggerService): void {
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'Unhandled promise rejection; still serving');
  });
  process.on('uncaughtException', (error) => {
    logger.fatal?.({ err: error }, 'Uncaught exception; exiting');
    process.exit(1);
  });
}
