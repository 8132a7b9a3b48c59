import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { DocumentQueue } from '@papermill/queue';
import { StorageService } from '@papermill/storage';

const CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS).unref()),
  ]);
}

/** Readiness: can this api reach Postgres, Redis and object storage right now? */
@Injectable()
export class ReadinessService {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly queue: DocumentQueue,
    private readonly storage: StorageService,
  ) {}

  async check() {
    try {
      return await this.health.check([
        () => this.database.pingCheck('database', { timeout: CHECK_TIMEOUT_MS }),
        () => this.probe('redis', () => this.queue.ping()),
        () => this.probe('storage', () => this.storage.ping()),
      ]);
    } catch (error) {
      const down = Object.keys((error as { response?: { error?: object } }).response?.error ?? {});
      if (error instanceof ServiceUnavailableException) {
        throw new ServiceUnavailableException({
          detail: `Not ready: ${down.join(', ') || 'unknown'} unavailable`,
        });
      }
      throw error;
    }
  }

  private async probe(key: string, ping: () => Promise<unknown>) {
    const indicator = this.indicators.check(key);
    try {
      await withTimeout(ping());
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
