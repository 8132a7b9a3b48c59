import { Module } from '@nestjs/common';
import { StorageLinksController } from './storage-links.controller.js';
import { StorageLinksService } from './storage-links.service.js';

/** The api route behind local storage links; needs the global `StorageModule.forRoot()`. */
@Module({
  controllers: [StorageLinksController],
  providers: [StorageLinksService],
})
export class StorageLinksModule {}
