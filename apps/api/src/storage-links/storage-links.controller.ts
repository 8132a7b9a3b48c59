import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { SignedUrlParams } from '@papermill/storage';
import { StorageLinksService } from './storage-links.service.js';

/** `GET /storage/<key>?expires=…&signature=…`: the links the local storage driver hands out. */
@ApiExcludeController()
@Controller('storage')
export class StorageLinksController {
  constructor(private readonly links: StorageLinksService) {}

  // Express 5 wildcard: `key` arrives as the decoded path segments.
  @Get('*key')
  open(@Param('key') key: string[], @Query() query: SignedUrlParams): Promise<StreamableFile> {
    return this.links.open(key, query);
  }
}
