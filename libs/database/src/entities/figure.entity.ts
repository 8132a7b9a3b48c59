import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { TaskEntity } from './task.entity.js';

@Entity({ name: 'figures' })
export class FigureEntity {
  @PrimaryColumn({ name: 'task_id', type: 'uuid' })
  taskId: string;

  @PrimaryColumn({ name: 'figure_index', type: 'int' })
  figureIndex: number;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ name: 's3_key', type: 'text' })
  s3Key: string;

  @Column({ type: 'int' })
  page: number;

  /** [x0, y0, x1, y1] in PDF points, origin bottom-left. */
  @Column({ type: 'jsonb' })
  bbox: [number, number, number, number];

  // One-sided (nothing reads a task's figures through the task), with a string target: the two
  // entity files then do not import each other.
  @ManyToOne('TaskEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  task?: Relation<TaskEntity>;
}
