import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IDENTITY_MODES } from '../site.model';

// Shapes only: what an id, an origin, an identity mode or a setting may be is the sites service's to say, so
// the CLI and the API refuse the same things with the same words.
// A field's type check is its last decorator: class-validator runs the nearest one first and the pipe stops at
// the first error, so a number given as a name is "not a string", never "too long".

/** `POST /api/sites/:siteId/session`. */
export class HostSessionDto {
  @ApiProperty({ description: "The JWT the site's server signed for its signed-in user" })
  @MaxLength(8_192, { message: 'token must be at most 8192 characters' })
  @IsString({ message: 'token must be a string: the JWT your server signed' })
  token: string;
}

/** `POST /api/admin/sites`. */
export class CreateSiteDto {
  @ApiProperty({ example: 'Northwind Studio' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  @IsString({ message: 'name must be a string' })
  name: string;

  @ApiProperty({ example: ['https://shop.example.com', 'https://*.example.com'] })
  @ArrayMaxSize(50, { message: 'origins must list at most 50 origins' })
  @IsString({ each: true, message: 'each origin must be a string' })
  @IsArray({ message: 'origins must be an array of origins' })
  origins: string[];

  @ApiPropertyOptional({ enum: IDENTITY_MODES, isArray: true, default: ['host'] })
  @IsOptional()
  @IsArray({ message: `identity must be an array of: ${IDENTITY_MODES.join(', ')}` })
  @IsString({ each: true, message: `identity must be an array of: ${IDENTITY_MODES.join(', ')}` })
  identity?: string[];

  @ApiPropertyOptional({ example: 'northwind', description: 'Default: site_ and 8 random characters' })
  @IsOptional()
  @MaxLength(100, { message: 'id must be at most 100 characters' })
  @IsString({ message: 'id must be a string' })
  id?: string;
}

/** `PATCH /api/admin/sites/:id`: what is given changes; settings merge (a key set to null is removed). */
export class UpdateSiteDto {
  @ApiPropertyOptional()
  @IsOptional()
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  @IsString({ message: 'name must be a string' })
  name?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @ArrayMaxSize(50, { message: 'origins must list at most 50 origins' })
  @IsString({ each: true, message: 'each origin must be a string' })
  @IsArray({ message: 'origins must be an array of origins' })
  origins?: string[];

  @ApiPropertyOptional({ enum: IDENTITY_MODES, isArray: true })
  @IsOptional()
  @IsArray({ message: `identity must be an array of: ${IDENTITY_MODES.join(', ')}` })
  @IsString({ each: true, message: `identity must be an array of: ${IDENTITY_MODES.join(', ')}` })
  identity?: string[];

  @ApiPropertyOptional({
    example: { heading: 'Northwind helper', accent: '#0f766e', chat_rate_limit: 20 },
    description:
      'heading, greeting, placeholder, prompts, accent, theme, locale, chat_rate_limit, instructions',
  })
  @IsOptional()
  @IsObject({ message: 'settings must be an object' })
  settings?: Record<string, unknown>;

  @ApiPropertyOptional({
    nullable: true,
    description: 'RS256/ES256 host tokens: the JWKS of your identity provider',
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @MaxLength(2_000, { message: 'jwks_url must be at most 2000 characters' })
  @IsString({ message: 'jwks_url must be a URL or null' })
  jwks_url?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @MaxLength(500, { message: 'issuer must be at most 500 characters' })
  @IsString({ message: 'issuer must be a string or null' })
  issuer?: string | null;

  @ApiPropertyOptional({ enum: ['active', 'disabled'] })
  @IsOptional()
  @IsIn(['active', 'disabled'], { message: 'status must be active or disabled' })
  status?: 'active' | 'disabled';
}

/** `POST /api/admin/sites/:id/owners`. */
export class AddOwnerDto {
  @ApiProperty({ example: 'ops@example.com', description: "The email of the new owner's account" })
  @MaxLength(320, { message: 'email must be at most 320 characters' })
  @IsString({ message: 'email must be a string: the email of an account' })
  email: string;
}

/** `?days=N` (1-366): usage over N days; on the list, each site's turns per day over N days. */
export class UsageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 366 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'days must be a whole number from 1 to 366' })
  @Min(1, { message: 'days must be a whole number from 1 to 366' })
  @Max(366, { message: 'days must be a whole number from 1 to 366' })
  days?: number;
}
