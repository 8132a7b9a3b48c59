import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { TaskStatus } from './task-status.js';

@Entity({ name: 'tasks' })
export class TaskEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'file_name', type: 'text' })
  fileName: string;

  @Column({ type: 'enum', enum: TaskStatus, enumName: 'task_status' })
  status: TaskStatus;

  @Column({ name: 'input_path', type: 'text' })
  inputPath: string;

  @Column({ name: 'output_path', type: 'text', nullable: true })
  outputPath: string | null;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage: string | null;

  /** A user id (JWT `sub`); null for guest tasks. */
  @Column({ name: 'owner_user_id', type: 'text', nullable: true })
  ownerUserId: string | null;

  /** A guest session id; null for user tasks. */
  @Column({ name: 'owner_guest_id', type: 'text', nullable: true })
  ownerGuestId: string | null;

  /** Size of the uploaded PDF; the owner's stored bytes are the sum over their tasks. */
  @Column({
    name: 'input_bytes',
    type: 'bigint',
    default: 0,
    transformer: { to: (v: number) => v, from: Number },
  })
  inputBytes: number;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'page_count', type: 'int', nullable: true })
  pageCount: number | null;

  /** Pages converted so far in the current attempt. */
  @Column({ name: 'pages_done', type: 'int', default: 0 })
  pagesDone: number;

  /** Where the task's webhook is delivered when it ends; null for none. */
  @Column({ name: 'callback_url', type: 'text', nullable: true })
  callbackUrl: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
