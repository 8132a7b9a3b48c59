import { Global, Module } from '@nestjs/common';
import { QuotasService } from './quotas.service.js';
import { UploadQuotaGuard } from './upload-quota.guard.js';

@Global()
@Module({ providers: [QuotasService, UploadQuotaGuard], exports: [QuotasService, UploadQuotaGuard] })
export class QuotasModule {}
