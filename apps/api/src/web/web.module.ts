import { Module } from '@nestjs/common';
import { WebController } from './web.controller.js';
import { WebService } from './web.service.js';

/** The web page; needs the global `StorageModule.forRoot()` (figure links' origin). */
@Module({
  controllers: [WebController],
  providers: [WebService],
})
export class WebModule {}
