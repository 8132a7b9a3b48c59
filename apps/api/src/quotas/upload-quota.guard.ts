import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { ownerOf, Principal } from '../auth/principal.js';
import { QuotasService } from './quotas.service.js';

/**
 * Admits an upload before its body is read, so a caller past a quota costs a 429, not 100 MB of
 * disk. Runs after the global auth guard, which has set the principal.
 */
@Injectable()
export class UploadQuotaGuard implements CanActivate {
  constructor(private readonly quotas: QuotasService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & { principal: Principal }>();
    await this.quotas.admitUpload(request, ownerOf(request.principal));
    return true;
  }
}
