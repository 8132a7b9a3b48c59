import { Module } from '@nestjs/common';
import { TaskNotifier } from './task-notifier.js';
import { WebhookDeliveryService } from './webhook-delivery.service.js';

@Module({
  providers: [TaskNotifier, WebhookDeliveryService],
  exports: [TaskNotifier, WebhookDeliveryService],
})
export class WebhooksModule {}
