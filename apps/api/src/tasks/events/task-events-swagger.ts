import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, getSchemaPath } from '@nestjs/swagger';
import { TaskDto } from '../dto/task.dto.js';

const EXAMPLE =
  'event: task\nid: 1772961252000\ndata: {"id":"3f2c7a8e-4b1d-4c8e-9a51-0d6f1e2b7c44","status":"PROCESSING",' +
  '"page_count":12,"pages_done":5,...}\n\n: keep-alive\n\n';

/** Swagger of `GET /tasks/{task_id}/events`: a `text/event-stream` whose events carry Task objects. */
export const ApiTaskEvents = () =>
  applyDecorators(
    ApiOperation({
      summary: "Follow a task's status and progress (server-sent events)",
      description:
        'An `event: task` whose `data` is the Task object (as `GET /tasks/{task_id}` answers it) comes at ' +
        'once, then on each status change and on progress (at most about once a second), each with an ' +
        '`id:`. The stream ends after the event showing `DONE` or `FAILED`: close the EventSource then, or ' +
        'it reconnects and gets the final event again. Comment lines (`: keep-alive`) come every ' +
        'EVENTS_KEEPALIVE_SECONDS (15 s) while nothing changes. A reconnecting client (`Last-Event-ID`) ' +
        'starts again from the current state.',
    }),
    ApiHeader({
      name: 'Last-Event-ID',
      required: false,
      description: 'Sent by a reconnecting EventSource; the stream resumes with the current state',
    }),
    ApiOkResponse({
      description: 'Events `task` with a Task object as JSON `data`',
      content: {
        'text/event-stream': {
          schema: { type: 'string', description: `Each event's data is a ${getSchemaPath(TaskDto)}` },
          example: EXAMPLE,
        },
      },
    }),
  );
