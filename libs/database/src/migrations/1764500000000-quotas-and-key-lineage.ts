import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What quotas and key revocation need: each task's upload size, summed per owner by the count
 * trigger (stored bytes are then one row away); partial indexes so counting an owner's tasks in
 * flight reads only those, and the retention sweep finds expired guest tasks; the key an API key was created through; and server-side secrets that
 * every api replica must share (the guest-cookie signing key when none is configured).
 */
export class QuotasAndKeyLineage1764500000000 implements MigrationInterface {
  name = 'QuotasAndKeyLineage1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE tasks ADD COLUMN input_bytes bigint NOT NULL DEFAULT 0`);
    await db.query(`ALTER TABLE task_owner_counts ADD COLUMN bytes bigint NOT NULL DEFAULT 0`);
    await db.query(`
      CREATE OR REPLACE FUNCTION tasks_count_owner() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO task_owner_counts AS c (owner_key, n, bytes)
          VALUES (task_owner_key(NEW.owner_user_id, NEW.owner_guest_id), 1, NEW.input_bytes)
          ON CONFLICT (owner_key) DO UPDATE SET n = c.n + 1, bytes = c.bytes + NEW.input_bytes;
        ELSE
          UPDATE task_owner_counts SET n = n - 1, bytes = bytes - OLD.input_bytes
          WHERE owner_key = task_owner_key(OLD.owner_user_id, OLD.owner_guest_id);
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(
      `CREATE INDEX tasks_user_in_flight ON tasks (owner_user_id) WHERE status IN ('PENDING', 'QUEUED', 'PROCESSING')`,
    );
    await db.query(
      `CREATE INDEX tasks_guest_in_flight ON tasks (owner_guest_id) WHERE status IN ('PENDING', 'QUEUED', 'PROCESSING')`,
    );
    // The retention sweep's scan: finished guest tasks, oldest first.
    await db.query(
      `CREATE INDEX tasks_guest_expiry ON tasks (created_at, id) WHERE owner_guest_id IS NOT NULL AND status IN ('DONE', 'FAILED')`,
    );
    await db.query(
      `ALTER TABLE api_keys ADD COLUMN parent_id uuid NULL REFERENCES api_keys (id) ON DELETE SET NULL`,
    );
    await db.query(`CREATE INDEX api_keys_parent ON api_keys (parent_id) WHERE parent_id IS NOT NULL`);
    await db.query(`CREATE TABLE server_secrets (name text PRIMARY KEY, value text NOT NULL)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE server_secrets`);
    await db.query(`DROP INDEX api_keys_parent`);
    await db.query(`ALTER TABLE api_keys DROP COLUMN parent_id`);
    await db.query(`DROP INDEX tasks_guest_expiry`);
    await db.query(`DROP INDEX tasks_guest_in_flight`);
    await db.query(`DROP INDEX tasks_user_in_flight`);
    await db.query(`
      CREATE OR REPLACE FUNCTION tasks_count_owner() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO task_owner_counts AS c (owner_key, n)
          VALUES (task_owner_key(NEW.owner_user_id, NEW.owner_guest_id), 1)
          ON CONFLICT (owner_key) DO UPDATE SET n = c.n + 1;
        ELSE
          UPDATE task_owner_counts SET n = n - 1
          WHERE owner_key = task_owner_key(OLD.owner_user_id, OLD.owner_guest_id);
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`ALTER TABLE task_owner_counts DROP COLUMN bytes`);
    await db.query(`ALTER TABLE tasks DROP COLUMN input_bytes`);
  }
}
