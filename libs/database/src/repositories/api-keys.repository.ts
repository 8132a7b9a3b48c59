import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, LessThan } from 'typeorm';
import { ApiKeyEntity } from '../entities/api-key.entity.js';
import { Page, PageRequest } from '../page.js';

export type NewApiKey = Pick<ApiKeyEntity, 'id' | 'userId' | 'name' | 'keyPrefix' | 'keyHash' | 'parentId'>;

@Injectable()
export class ApiKeysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(ApiKeyEntity);
  }

  create(key: NewApiKey): Promise<ApiKeyEntity> {
    return this.repo.save(this.repo.create({ ...key, lastUsedAt: null, revokedAt: null }));
  }

  async listForUser(userId: string, page: PageRequest): Promise<Page<ApiKeyEntity>> {
    const [items, total] = await this.repo.findAndCount({
      where: { userId },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items, total };
  }

  findByHash(keyHash: string): Promise<ApiKeyEntity | null> {
    return this.repo.findOneBy({ keyHash });
  }

  findOwned(id: string, userId: string): Promise<ApiKeyEntity | null> {
    return this.repo.findOneBy({ id, userId });
  }

  /**
   * Sets `revoked_at` on the key and on every key created through it, at any depth; revoking again
   * keeps each key's first time. Descendants are revoked even when the key itself already was: one
   * made by the key in the moment before its revocation goes too when the owner revokes again.
   */
  async revoke(id: string, userId: string): Promise<void> {
    await this.dataSource.query(
      `WITH RECURSIVE lineage AS (
         SELECT id FROM api_keys WHERE id = $1 AND user_id = $2
         UNION
         SELECT k.id FROM api_keys k JOIN lineage l ON k.parent_id = l.id
       )
       UPDATE api_keys SET revoked_at = now() WHERE id IN (SELECT id FROM lineage) AND revoked_at IS NULL`,
      [id, userId],
    );
  }

  /** Records use at most once per `intervalSeconds`, so busy keys do not write on every request. */
  async touch(id: string, intervalSeconds: number): Promise<void> {
    const threshold = new Date(Date.now() - intervalSeconds * 1000);
    await this.repo
      .createQueryBuilder()
      .update()
      .set({ lastUsedAt: () => 'now()' })
      .where('id = :id', { id })
      .andWhere([{ lastUsedAt: IsNull() }, { lastUsedAt: LessThan(threshold) }])
      .execute();
  }
}
