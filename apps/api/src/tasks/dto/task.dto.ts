import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TaskEntity, TaskStatus, taskView } from '@papermill/database';
import type { TaskListing, TaskView } from '@papermill/database';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class TaskDto implements TaskView {
  @ApiProperty({ format: 'uuid', example: '3f2c7a8e-4b1d-4c8e-9a51-0d6f1e2b7c44' })
  id: string;

  @ApiProperty({ example: 'document.pdf' })
  file_name: string;

  @ApiProperty({ enum: TaskStatus, enumName: 'TaskStatus', example: TaskStatus.Queued })
  status: TaskStatus;

  @ApiProperty({ example: 'uploads/3f2c7a8e-4b1d-4c8e-9a51-0d6f1e2b7c44/input.pdf' })
  input_path: string;

  @ApiProperty({ type: String, nullable: true, example: null, description: 'Set when DONE' })
  output_path: string | null;

  @ApiProperty({ type: String, nullable: true, example: null, description: 'Set when FAILED' })
  error_message: string | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 1,
    example: null,
    description: 'Pages of the document; null until the worker has opened it',
  })
  page_count: number | null;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 0,
    description: 'Pages converted so far (0..page_count; page_count when DONE)',
  })
  pages_done: number;

  @ApiProperty({ format: 'date-time', example: '2026-03-08T09:14:12.000Z' })
  created_at: string;

  @ApiProperty({ format: 'date-time', example: '2026-03-08T09:14:12.000Z' })
  updated_at: string;

  static from(task: TaskEntity): TaskDto {
    return taskView(task);
  }

  /** A listed row, whose timestamps are already ISO 8601 text. */
  static fromListing(task: TaskListing): TaskDto {
    return taskView(task);
  }
}

export class TaskDeletedDto {
  @ApiProperty({ example: true })
  deleted: true;
}

export class UploadTaskDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'The PDF to convert' })
  file: unknown;

  @ApiPropertyOptional({
    type: 'string',
    format: 'uri',
    maxLength: 2048,
    example: 'https://example.com/hooks/papermill',
    description:
      'Where to POST `{"event": "task.done" | "task.failed", "task": <Task>}` when the task ends, signed in ' +
      '`Papermill-Signature`. Needs WEBHOOK_SECRET on the server; `https:` to a public address only, ' +
      'unless the host is listed in WEBHOOK_ALLOWED_HOSTS.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  callback_url?: string;
}
