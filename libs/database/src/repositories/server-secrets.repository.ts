import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Secrets every replica must share, made once by whichever process asks first. */
@Injectable()
export class ServerSecretsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The secret called `name`; `generate()` makes it when none exists (the first writer wins). */
  async getOrCreate(name: string, generate: () => string): Promise<string> {
    const [row] = await this.dataSource.query<{ value: string }[]>(
      `WITH created AS (
         INSERT INTO server_secrets (name, value) VALUES ($1, $2)
         ON CONFLICT (name) DO NOTHING RETURNING value)
       SELECT value FROM created UNION ALL SELECT value FROM server_secrets WHERE name = $1 LIMIT 1`,
      [name, generate()],
    );
    return row.value;
  }
}
