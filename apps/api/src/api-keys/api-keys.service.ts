import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { ApiKeysRepository, PageRequest } from '@papermill/database';
import { randomUUID } from 'node:crypto';
import { generateApiKeyToken } from '../auth/api-key-token.js';
import type { UserPrincipal } from '../auth/principal.js';
import { PaginatedDto } from '../common/pagination.dto.js';
import { ApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto.js';

@Injectable()
export class ApiKeysService {
  constructor(private readonly keys: ApiKeysRepository) {}

  /** A key made with another key is its child: revoking the parent revokes it too. */
  async create(creator: UserPrincipal, rawName: string): Promise<CreatedApiKeyDto> {
    const name = rawName.trim();
    if (!name) throw new UnprocessableEntityException({ detail: 'API key name must not be empty' });
    const { token, keyPrefix, keyHash } = generateApiKeyToken();
    const parentId = creator.via === 'api_key' ? creator.apiKeyId : null;
    const key = await this.keys.create({
      id: randomUUID(),
      userId: creator.userId,
      name,
      keyPrefix,
      keyHash,
      parentId,
    });
    return { ...ApiKeyDto.from(key), token };
  }

  async list(userId: string, page: PageRequest): Promise<PaginatedDto<ApiKeyDto>> {
    return PaginatedDto.of(await this.keys.listForUser(userId, page), page, ApiKeyDto.from);
  }

  /**
   * Revokes the key and every key created through it, so a leaked key cannot outlive its own
   * revocation by minting a successor. Idempotent; another user's key is reported like a missing one.
   */
  async revoke(userId: string, id: string): Promise<{ revoked: true }> {
    if (!(await this.keys.findOwned(id, userId)))
      throw new NotFoundException({ detail: 'API key not found' });
    await this.keys.revoke(id, userId);
    return { revoked: true };
  }
}
