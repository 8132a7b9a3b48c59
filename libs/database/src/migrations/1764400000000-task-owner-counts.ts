import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-owner task counts kept by a trigger, so a page of `GET /tasks` reads its `total` from one row
 * instead of counting every task of the owner on each request.
 */
export class TaskOwnerCounts1764400000000 implements MigrationInterface {
  name = 'TaskOwnerCounts1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE task_owner_counts (owner_key text PRIMARY KEY, n bigint NOT NULL)`);
    await db.query(`
      CREATE FUNCTION task_owner_key(user_id text, guest_id text) RETURNS text
      LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN user_id IS NOT NULL THEN 'u:' || user_id ELSE 'g:' || guest_id END $$`);
    await db.query(`
      CREATE FUNCTION tasks_count_owner() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await db.query(
      `CREATE TRIGGER tasks_count_owner AFTER INSERT OR DELETE ON tasks FOR EACH ROW EXECUTE FUNCTION tasks_count_owner()`,
    );
    // Owners never change, so inserts and deletes are all the trigger has to follow.
    await db.query(`
      INSERT INTO task_owner_counts (owner_key, n)
      SELECT task_owner_key(owner_user_id, owner_guest_id), count(*) FROM tasks GROUP BY 1`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER tasks_count_owner ON tasks`);
    await db.query(`DROP FUNCTION tasks_count_owner()`);
    await db.query(`DROP FUNCTION task_owner_key(text, text)`);
    await db.query(`DROP TABLE task_owner_counts`);
  }
}
