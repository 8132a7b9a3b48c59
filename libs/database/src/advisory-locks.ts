import { Injectable } from '@nestjs/common';
import { ConfigService } from '@papermill/config';
import { Client } from 'pg';

/**
 * Postgres session advisory locks, for periodic jobs that every worker schedules but one at a time
 * should run. Each holder gets a connection of its own, closed afterwards: the lock ends with it, so
 * a worker killed mid-job never leaves it taken and no pooled connection goes back holding one.
 */
@Injectable()
export class AdvisoryLocks {
  constructor(private readonly config: ConfigService) {}

  /** Runs `work` holding the lock `name`; undefined, without running it, while another holds it. */
  async runExclusive<T>(name: string, work: () => Promise<T>): Promise<T | undefined> {
    const client = new Client({
      connectionString: this.config.get('DATABASE_URL'),
      connectionTimeoutMillis: 5000,
    });
    // A dropped connection only ends the lock early; `work` reports its own database failures.
    client.on('error', () => undefined);
    await client.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock(hashtext($1)) AS locked',
        [name],
      );
      if (!rows[0]?.locked) return undefined;
      return await work();
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
