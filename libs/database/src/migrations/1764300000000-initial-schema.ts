import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1764300000000 implements MigrationInterface {
  name = 'InitialSchema1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TYPE task_status AS ENUM ('PENDING', 'QUEUED', 'PROCESSING', 'DONE', 'FAILED')`);
    await db.query(`
      CREATE TABLE tasks (
        id uuid PRIMARY KEY,
        file_name text NOT NULL,
        status task_status NOT NULL,
        input_path text NOT NULL,
        output_path text,
        error_message text,
        owner_user_id text,
        owner_guest_id text,
        attempts int NOT NULL DEFAULT 0,
        page_count int,
        pages_done int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT tasks_one_owner CHECK ((owner_user_id IS NULL) <> (owner_guest_id IS NULL))
      )`);
    await db.query(`CREATE INDEX tasks_user_recent ON tasks (owner_user_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX tasks_guest_recent ON tasks (owner_guest_id, created_at DESC, id DESC)`);
    await db.query(
      `CREATE INDEX tasks_in_flight ON tasks (status, updated_at) WHERE status IN ('PENDING', 'QUEUED', 'PROCESSING')`,
    );
    await db.query(`
      CREATE TABLE figures (
        task_id uuid NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
        figure_index int NOT NULL CHECK (figure_index >= 1),
        title text,
        s3_key text NOT NULL,
        page int NOT NULL,
        bbox jsonb NOT NULL,
        PRIMARY KEY (task_id, figure_index)
      )`);
    await db.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY,
        user_id text NOT NULL,
        name text NOT NULL,
        key_prefix text NOT NULL,
        key_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await db.query(`CREATE INDEX api_keys_user_recent ON api_keys (user_id, created_at DESC, id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE api_keys`);
    await db.query(`DROP TABLE figures`);
    await db.query(`DROP TABLE tasks`);
    await db.query(`DROP TYPE task_status`);
  }
}
