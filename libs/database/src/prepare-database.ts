import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';

// Arbitrary constant: only one process at a time runs migrations on a database.
const MIGRATION_LOCK = 7_340_203_117;

/** Creates the database named in `url` when it does not exist yet. */
export async function createDatabaseIfMissing(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!name) throw new Error('DATABASE_URL must name a database');
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return;
    try {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    } catch (error) {
      // Another process (the api or a worker starting at the same time) created it first.
      if ((error as { code?: string }).code !== '42P04') throw error;
    }
  } finally {
    await client.end();
  }
}

/** Runs pending migrations while holding an advisory lock, so processes starting together do not race. */
export async function runMigrations(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

/** Creates the database if needed, connects and migrates: what every process does at start-up. */
export async function openDatabase(url: string): Promise<DataSource> {
  await createDatabaseIfMissing(url);
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  await runMigrations(dataSource);
  return dataSource;
}
