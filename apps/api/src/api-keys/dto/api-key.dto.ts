import { ApiProperty } from '@nestjs/swagger';
import { ApiKeyEntity } from '@papermill/database';
import { IsString, MaxLength, ValidateBy } from 'class-validator';

export const API_KEY_NAME_MAX_LENGTH = 100;

/**
 * Fails only for an absent field, and under class-validator's `isDefined` name so the validation
 * pipe reports it as FastAPI's "missing"; `null` then fails `isString`, as pydantic says "string_type".
 */
const IsPresent = () =>
  ValidateBy({
    name: 'isDefined',
    validator: { validate: (value) => value !== undefined, defaultMessage: () => '$property is required' },
  });

export class CreateApiKeyDto {
  @ApiProperty({ example: 'CI runner', minLength: 1, maxLength: API_KEY_NAME_MAX_LENGTH })
  @IsPresent()
  @IsString()
  @MaxLength(API_KEY_NAME_MAX_LENGTH)
  name: string;
}

/** An API key as lists show it: never its hash, its secret or its owner. */
export class ApiKeyDto {
  @ApiProperty({ format: 'uuid', example: '6b1f3c2e-8d4a-4f6b-9c1e-2a7d5e9f0b13' })
  id: string;

  @ApiProperty({ example: 'CI runner' })
  name: string;

  @ApiProperty({
    description: 'The first 15 characters of the token, to recognise it',
    example: 'pmk_2fd2058f53c',
  })
  key_prefix: string;

  @ApiProperty({ format: 'date-time', example: '2026-03-08T09:14:12.000Z' })
  created_at: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: null,
    description: 'Recorded at most once a minute',
  })
  last_used_at: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  revoked_at: string | null;

  static from(key: ApiKeyEntity): ApiKeyDto {
    return {
      id: key.id,
      name: key.name,
      key_prefix: key.keyPrefix,
      created_at: key.createdAt.toISOString(),
      last_used_at: key.lastUsedAt?.toISOString() ?? null,
      revoked_at: key.revokedAt?.toISOString() ?? null,
    };
  }
}

/** The create response: the only time the secret is shown. */
export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({
    description: 'The whole secret, shown only in this response; send it as `Authorization: Bearer <token>`',
    example: 'pmk_2fd2058f53cQ7bXk1nR4tY8uW3eZ6aC0hJ9L2m',
  })
  token: string;
}

export class ApiKeyRevokedDto {
  @ApiProperty({ example: true })
  revoked: true;
}
