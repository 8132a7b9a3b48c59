import { Client } from 'pg';

/** Runs one statement on the stack's database with a connection of its own; returns the rows. */
export async function sql<T = Record<string, unknown>>(
  databaseUrl: string,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Tasks of the database still in flight (PENDING, QUEUED or PROCESSING). */
export async function inFlightCount(databaseUrl: string): Promise<number> {
  const rows = await sql<{ n: number }>(
    databaseUrl,
    `SELECT count(*)::int AS n FROM tasks WHERE status IN ('PENDING', 'QUEUED', 'PROCESSING')`,
  );
  return rows[0].n;
}
