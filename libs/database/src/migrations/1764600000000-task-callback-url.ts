import { MigrationInterface, QueryRunner } from 'typeorm';

/** Where a task's webhook goes when it ends (`POST /tasks` field `callback_url`); null for none. */
export class TaskCallbackUrl1764600000000 implements MigrationInterface {
  name = 'TaskCallbackUrl1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE tasks ADD COLUMN callback_url text NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE tasks DROP COLUMN callback_url`);
  }
}
