import { Module } from '@nestjs/common';
import { ConversionService } from './conversion.service.js';
import { ConversionWorker } from './conversion.worker.js';
import { ReconcilerService } from './reconciler.service.js';

@Module({ providers: [ConversionService, ConversionWorker, ReconcilerService] })
export class ConversionModule {}
