import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@papermill/config';
import { Redis, RedisOptions } from 'ioredis';
import { redisConnection } from './redis-connection.js';

/** A listener's hold on a task's notices; `close()` releases it (the last one unsubscribes). */
export interface TaskSubscription {
  /** Settles once Redis confirmed the subscription: notices published after that reach the listener. */
  readonly ready: Promise<void>;
  close(): void;
}

/**
 * "This task changed" notices over Redis pub/sub, one channel per task, so an api replica hears of
 * what any worker did. A notice carries nothing: a listener reads the row again, which stays the one
 * source of truth. Pub/sub delivers at most once (nothing while Redis is away), so listeners also
 * read the row now and then.
 */
@Injectable()
export class TaskEvents implements OnApplicationShutdown {
  private readonly logger = new Logger(TaskEvents.name);
  /** One subscriber connection per process, shared by every listener, opened on first use. */
  private subscriber?: Redis;
  /** Publishes fail after one reconnection attempt while Redis is away, rather than piling up. */
  private publisher?: Redis;
  private readonly channels = new Map<string, { listeners: Set<() => void>; ready: Promise<void> }>();

  constructor(private readonly config: ConfigService) {}

  /** Tells every listener of the task, on any replica, that its row changed. */
  async publish(taskId: string): Promise<void> {
    if (!this.publisher) {
      this.publisher = new Redis({ ...this.options(), maxRetriesPerRequest: 1 });
      // Each failed publish is reported to its caller; the connection's own errors need a listener.
      this.publisher.on('error', () => undefined);
    }
    await this.publisher.publish(this.channelOf(taskId), '');
  }

  subscribe(taskId: string, listener: () => void): TaskSubscription {
    const name = this.channelOf(taskId);
    let channel = this.channels.get(name);
    if (!channel) {
      const ready = this.connection()
        .subscribe(name)
        .then(() => undefined);
      ready.catch((error: unknown) => this.logger.warn({ err: error, taskId }, 'Task notices unavailable'));
      channel = { listeners: new Set(), ready };
      this.channels.set(name, channel);
    }
    const { listeners, ready } = channel;
    listeners.add(listener);
    let closed = false;
    return {
      ready,
      close: () => {
        if (closed) return;
        closed = true;
        listeners.delete(listener);
        if (listeners.size > 0 || this.channels.get(name)?.listeners !== listeners) return;
        this.channels.delete(name);
        this.subscriber?.unsubscribe(name).catch(() => undefined);
      },
    };
  }

  /** Last of all: a worker finishing its conversions at shutdown still publishes their changes. */
  onApplicationShutdown(): void {
    this.channels.clear();
    this.subscriber?.disconnect();
    this.publisher?.disconnect();
  }

  /** Number of tasks this process listens to (for tests: a closed stream leaves nothing behind). */
  get listenedTasks(): number {
    return this.channels.size;
  }

  private channelOf(taskId: string): string {
    return `${this.config.get('QUEUE_PREFIX')}:${this.config.get('QUEUE_NAME')}:task-changed:${taskId}`;
  }

  private options(): RedisOptions {
    return redisConnection(this.config.get('REDIS_URL')) as RedisOptions;
  }

  private connection(): Redis {
    if (!this.subscriber) {
      const subscriber = new Redis(this.options());
      subscriber.on('message', (channel: string) => {
        for (const listener of this.channels.get(channel)?.listeners ?? []) listener();
      });
      subscriber.on('error', (error) => this.logger.warn({ err: error }, 'Task notice connection error'));
      this.subscriber = subscriber;
    }
    return this.subscriber;
  }
}
