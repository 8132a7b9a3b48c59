export { DocumentQueue } from './document-queue.js';
export { DocumentQueueConsumer } from './document-queue-consumer.js';
export type { DocumentJobHandlers, JobOf } from './document-queue-consumer.js';
export { QueueModule } from './queue.module.js';
export {
  CONVERT_ATTEMPTS,
  DOCUMENT_QUEUE,
  DocumentJob,
  WEBHOOK_ATTEMPTS,
  webhookJobId,
} from './queue.contract.js';
export type { DocumentJobData, DocumentJobPayloads } from './queue.contract.js';
export { redisConnection } from './redis-connection.js';
export { TaskEvents } from './task-events.js';
export type { TaskSubscription } from './task-events.js';
export {
  isPublicAddress,
  publicAddressesOf,
  webhookTarget,
  WebhookTargetError,
} from './webhooks/webhook-target.js';
export type { WebhookTarget } from './webhooks/webhook-target.js';
