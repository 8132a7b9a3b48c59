import { ApiProperty } from '@nestjs/swagger';
import { TaskEntity, TaskStatus } from '@papermill/database';
import type { TaskListing } from '@papermill/database';

export class TaskDto {
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

  @ApiProperty({ format: 'date-time', example: '2026-03-08T09:14:12.000Z' })
  created_at: string;

  @ApiProperty({ format: 'date-time', example: '2026-03-08T09:14:12.000Z' })
  updated_at: string;

  static from(task: TaskEntity): TaskDto {
    return TaskDto.fromListing({
      ...task,
      createdAt: task.createdAt.toISOString(),
      updatedAt: task.updatedAt.toISOString(),
    });
  }

  /** A listed row, whose timestamps are already ISO 8601 text. */
  static fromListing(task: TaskListing): TaskDto {
    return {
      id: task.id,
      file_name: task.fileName,
      status: task.status,
      input_path: task.inputPath,
      output_path: task.outputPath,
      error_message: task.errorMessage,
      created_at: task.createdAt,
      updated_at: task.updatedAt,
    };
  }
}

export class TaskDeletedDto {
  @ApiProperty({ example: true })
  deleted: true;
}

export class UploadTaskDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'The PDF to convert' })
  file: unknown;
}
