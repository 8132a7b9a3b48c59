import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@papermill/config';
import { ownerKey, TaskOwner, TasksRepository } from '@papermill/database';
import { redisConnection } from '@papermill/queue';
import type { Request } from 'express';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { clientAddress } from '../common/client-address.js';
import { TooManyRequestsException } from '../common/too-many-requests.exception.js';

const MB = 1024 * 1024;
/** When a quota of things held (not a rate) is full, the wait is the client's to choose; this is a hint. */
const HELD_QUOTA_RETRY_SECONDS = 60;

interface Limit {
  limiter: RateLimiterRedis;
  detail: string;
}

/**
 * Rates and quotas of callers. Rates are counters in Redis, so they hold across api replicas (with
 * an in-memory fallback per replica while Redis is away); what an owner holds (tasks in flight,
 * stored bytes) is read from Postgres, which is where it is true.
 */
@Injectable()
export class QuotasService implements OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly uploadsPerAddress: Limit;
  private readonly uploadsPerOwner: Limit;
  private readonly guestSessionsPerAddress: Limit;

  constructor(
    private readonly config: ConfigService,
    private readonly tasks: TasksRepository,
  ) {
    // Counters fail fast while Redis is down (the fallback counts meanwhile) instead of queueing.
    this.redis = new Redis({
      ...redisConnection(config.get('REDIS_URL')),
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
    });
    this.redis.on('error', () => undefined);
    const limit = (name: string, points: number, duration: number, detail: string): Limit => ({
      limiter: new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${config.get('QUEUE_PREFIX')}:rate:${name}`,
        points,
        duration,
        insuranceLimiter: new RateLimiterMemory({ points, duration }),
      }),
      detail,
    });
    const perIp = config.get('RATE_UPLOADS_PER_MINUTE_PER_IP');
    const perOwner = config.get('RATE_UPLOADS_PER_MINUTE');
    const sessions = config.get('RATE_GUEST_SESSIONS_PER_HOUR_PER_IP');
    this.uploadsPerAddress = limit(
      'uploads-ip',
      perIp,
      60,
      `Too many uploads from your address: at most ${perIp} a minute`,
    );
    this.uploadsPerOwner = limit('uploads', perOwner, 60, `Too many uploads: at most ${perOwner} a minute`);
    this.guestSessionsPerAddress = limit(
      'guest-sessions-ip',
      sessions,
      3600,
      `Too many new guest sessions from your address: at most ${sessions} an hour; keep the guest_session cookie, or sign in`,
    );
  }

  /** Before an upload's body is read: its rates, and room for one more task in flight and in storage. */
  async admitUpload(request: Request, owner: TaskOwner): Promise<void> {
    await this.consume(this.uploadsPerAddress, clientAddress(request));
    await this.consume(this.uploadsPerOwner, ownerKey(owner));
    const usage = await this.tasks.usage(owner);
    const inFlight = this.config.get('QUOTA_TASKS_IN_FLIGHT');
    if (usage.tasksInFlight >= inFlight) {
      throw new TooManyRequestsException(
        `Too many tasks in progress: at most ${inFlight} at once; wait for some to finish`,
        HELD_QUOTA_RETRY_SECONDS,
      );
    }
    this.assertStorage(owner, usage.storedBytes);
  }

  /** Once the upload's size is known: it must fit in what the owner may store. */
  async assertRoomFor(owner: TaskOwner, bytes: number): Promise<void> {
    this.assertStorage(owner, (await this.tasks.usage(owner)).storedBytes + bytes, bytes > 0);
  }

  /** Before a new guest session is handed out to this address. */
  async admitGuestSession(request: Request): Promise<void> {
    await this.consume(this.guestSessionsPerAddress, clientAddress(request));
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }

  private assertStorage(owner: TaskOwner, bytes: number, orEqual = true): void {
    const quotaMb = this.config.get(owner.kind === 'guest' ? 'QUOTA_GUEST_STORED_MB' : 'QUOTA_STORED_MB');
    const quota = quotaMb * MB;
    if (bytes > quota || (orEqual && bytes >= quota)) {
      throw new TooManyRequestsException(
        `Storage quota exceeded: at most ${quotaMb} MB of uploaded PDFs; delete tasks to make room`,
        HELD_QUOTA_RETRY_SECONDS,
      );
    }
  }

  private async consume({ limiter, detail }: Limit, key: string): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) {
        throw new TooManyRequestsException(detail, outcome.msBeforeNext / 1000);
      }
      throw outcome;
    }
  }
}
