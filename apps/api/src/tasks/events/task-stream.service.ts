import { BeforeApplicationShutdown, Injectable, Logger, MessageEvent } from '@nestjs/common';
import { ConfigService } from '@papermill/config';
import { TaskOwner, TasksRepository, TaskView, isFinished, taskView } from '@papermill/database';
import { TaskEvents } from '@papermill/queue';
import { Observable, Subscriber } from 'rxjs';
import { TasksService } from '../tasks.service.js';

/** Progress alone is sent at most this often; a status change is sent at once. */
const PROGRESS_INTERVAL_MS = 1000;

/** The event name of every task event. */
export const TASK_EVENT = 'task';

/**
 * A task's server-sent events: its current state at once, then each change, ending after DONE or
 * FAILED. Changes are heard through Redis (published by whichever worker made them), and the row is
 * read again on each notice and at each heartbeat, since pub/sub may drop a notice.
 */
@Injectable()
export class TaskStreamService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(TaskStreamService.name);
  /** Streams open now, ended at shutdown so the server can close (clients reconnect elsewhere). */
  private readonly open = new Set<Subscriber<MessageEvent>>();

  constructor(
    private readonly config: ConfigService,
    private readonly tasks: TasksService,
    private readonly rows: TasksRepository,
    private readonly events: TaskEvents,
  ) {}

  /**
   * The event stream of the caller's task; another caller's task is 404 like a missing one. Every
   * stream starts with the current state, so a client reconnecting (with `Last-Event-ID`) misses
   * nothing that happened meanwhile.
   */
  async stream(owner: TaskOwner, id: string): Promise<Observable<MessageEvent>> {
    const task = await this.tasks.findOwned(owner, id);
    return new Observable<MessageEvent>((subscriber) =>
      this.follow(id, taskView(task), subscriber, this.config.get('EVENTS_KEEPALIVE_SECONDS') * 1000),
    );
  }

  /** Before the HTTP server closes: an open stream would keep it waiting until its task ends. */
  beforeApplicationShutdown(): void {
    for (const stream of this.open) stream.complete();
  }

  /** Emits `first` and what follows; returns the teardown run when the client leaves or the stream ends. */
  private follow(id: string, first: TaskView, out: Subscriber<MessageEvent>, keepAliveMs: number) {
    let sent = first;
    let sentAt = Date.now();
    let reading = false;
    let readAgain = false;
    let pending: NodeJS.Timeout | undefined;

    const emit = (view: TaskView) => {
      sent = view;
      sentAt = Date.now();
      out.next({ type: TASK_EVENT, id: eventId(view), data: view });
      if (isFinished(view.status)) out.complete();
    };

    const offer = (view: TaskView) => {
      if (JSON.stringify(view) === JSON.stringify(sent)) return;
      const wait = sentAt + PROGRESS_INTERVAL_MS - Date.now();
      if (view.status !== sent.status || wait <= 0) return emit(view);
      pending ??= setTimeout(() => {
        pending = undefined;
        void refresh();
      }, wait);
    };

    // One read at a time; a notice arriving meanwhile asks for one more read after it.
    const refresh = async (): Promise<void> => {
      if (reading) {
        readAgain = true;
        return;
      }
      reading = true;
      try {
        do {
          readAgain = false;
          const row = await this.rows.findById(id);
          if (out.closed) return;
          if (!row) return out.complete();
          offer(taskView(row));
        } while (readAgain && !out.closed);
      } catch (error) {
        this.logger.warn({ err: error, taskId: id }, 'Task not read for its event stream');
      } finally {
        reading = false;
      }
    };

    emit(first);
    if (out.closed) return;
    this.open.add(out);
    const notices = this.events.subscribe(id, () => void refresh());
    // A change between the first read and the subscription has no notice of its own.
    void notices.ready.then(
      () => refresh(),
      () => undefined,
    );
    const heartbeat = setInterval(() => {
      out.next({ comment: 'keep-alive' });
      void refresh();
    }, keepAliveMs);
    return () => {
      this.open.delete(out);
      notices.close();
      clearInterval(heartbeat);
      clearTimeout(pending);
    };
  }
}

/** An event's id: the version of the task it shows (its `updated_at`, in milliseconds). */
const eventId = (view: TaskView) => String(Date.parse(view.updated_at));
