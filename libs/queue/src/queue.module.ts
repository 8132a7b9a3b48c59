import { DynamicModule, Global, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { ConfigService } from '@papermill/config';
import { DocumentQueue } from './document-queue.js';
import { DocumentQueueConsumer } from './document-queue-consumer.js';
import { DOCUMENT_QUEUE } from './queue.contract.js';
import { redisConnection } from './redis-connection.js';
import { TaskEvents } from './task-events.js';

@Global()
@Module({})
export class QueueModule {
  static forRoot(): DynamicModule {
    return {
      module: QueueModule,
      imports: [
        BullModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService) => ({
            connection: redisConnection(config.get('REDIS_URL')),
            prefix: config.get('QUEUE_PREFIX'),
          }),
        }),
        BullModule.registerQueueAsync({
          name: DOCUMENT_QUEUE,
          inject: [ConfigService],
          // The producer fails fast while Redis is down (the api answers 500) instead of queueing
          // commands in memory until it returns; workers keep BullMQ's blocking-connection settings.
          useFactory: (config: ConfigService) => ({
            name: config.get('QUEUE_NAME'),
            connection: { ...redisConnection(config.get('REDIS_URL')), enableOfflineQueue: false },
          }),
        }),
      ],
      providers: [DocumentQueue, DocumentQueueConsumer, TaskEvents],
      exports: [DocumentQueue, DocumentQueueConsumer, TaskEvents, BullModule],
    };
  }
}
