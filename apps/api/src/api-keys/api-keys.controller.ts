import { Body, Controller, Delete, Get, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Access, Auth, CurrentUser } from '../auth/auth.decorator.js';
import type { UserPrincipal } from '../auth/principal.js';
import { PaginationQueryDto } from '../common/pagination.dto.js';
import { ApiDetail, ApiPaginatedOk, ApiValidationError } from '../common/swagger.js';
import { UuidParam } from '../common/uuid-param.js';
import { ApiKeysService } from './api-keys.service.js';
import { ApiKeyDto, ApiKeyRevokedDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto.js';

const AS_OWNER =
  'An API key acts as its owner here too: it may create, list and revoke its owner’s keys, itself included. ' +
  'A key created with an API key records it as its parent, and revoking a key revokes every key created through it.';

@ApiTags('api-keys')
@ApiExtraModels(ApiKeyDto)
@Auth(Access.User)
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @ApiOperation({
    summary: 'Create an API key',
    description: `The response carries \`token\`, the secret, which is never shown again. ${AS_OWNER}`,
  })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiUnprocessableEntityResponse({
    description:
      'A blank name is `{"detail": "API key name must not be empty"}`; a missing name, one that is not a ' +
      "string or one longer than 100 characters is FastAPI's validation list.",
    schema: {
      oneOf: [
        {
          type: 'object',
          properties: { detail: { type: 'string', enum: ['API key name must not be empty'] } },
        },
        { type: 'object', properties: { detail: { type: 'array', items: { type: 'object' } } } },
      ],
    },
  })
  create(@CurrentUser() user: UserPrincipal, @Body() body: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    return this.apiKeys.create(user, body.name);
  }

  @Get()
  @ApiOperation({
    summary: "List the caller's API keys, newest first, revoked ones included",
    description: AS_OWNER,
  })
  @ApiPaginatedOk(ApiKeyDto)
  @ApiValidationError()
  list(@CurrentUser() user: UserPrincipal, @Query() page: PaginationQueryDto) {
    return this.apiKeys.list(user.userId, page);
  }

  @Delete(':api_key_id')
  @ApiOperation({
    summary: 'Revoke an API key',
    description: `Revoking a key already revoked succeeds again and keeps the first \`revoked_at\`. ${AS_OWNER}`,
  })
  @ApiOkResponse({ type: ApiKeyRevokedDto })
  @ApiNotFoundResponse(ApiDetail('API key not found'))
  @ApiValidationError()
  revoke(
    @CurrentUser() user: UserPrincipal,
    @UuidParam('api_key_id') id: string,
  ): Promise<{ revoked: true }> {
    return this.apiKeys.revoke(user.userId, id);
  }
}
