import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { STORABLE_TEXT, UNSTORABLE_TEXT_MESSAGE } from '../../common/storable-text';
import { DESCRIPTION_MAX, PAGE_MAX, TITLE_MAX } from '../tasks.service';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const TITLE_MESSAGE = `title must be 1-${TITLE_MAX} characters`;
const DESCRIPTION_MESSAGE = `description must be at most ${DESCRIPTION_MAX} characters`;

export class CreateTaskDto {
  @ApiProperty({ minLength: 1, maxLength: TITLE_MAX, example: 'Buy milk' })
  @Transform(trim)
  @Matches(STORABLE_TEXT, { message: `title ${UNSTORABLE_TEXT_MESSAGE}` })
  @Length(1, TITLE_MAX, { message: TITLE_MESSAGE })
  @IsString({ message: 'title must be a string' })
  title: string;

  @ApiPropertyOptional({ maxLength: DESCRIPTION_MAX, nullable: true, example: '2 liters, skimmed' })
  @IsOptional()
  @Matches(STORABLE_TEXT, { message: `description ${UNSTORABLE_TEXT_MESSAGE}` })
  @MaxLength(DESCRIPTION_MAX, { message: DESCRIPTION_MESSAGE })
  @IsString({ message: 'description must be a string' })
  description?: string | null;
}

/** PUT: the whole editable task. */
export class ReplaceTaskDto extends CreateTaskDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'completed must be a boolean' })
  completed?: boolean;
}

/** PATCH: any subset of the editable fields. */
export class UpdateTaskDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: TITLE_MAX })
  @Transform(trim)
  @ValidateIf((_o, v) => v !== undefined)
  @Matches(STORABLE_TEXT, { message: `title ${UNSTORABLE_TEXT_MESSAGE}` })
  @Length(1, TITLE_MAX, { message: TITLE_MESSAGE })
  @IsString({ message: 'title must be a string' })
  title?: string;

  @ApiPropertyOptional({ maxLength: DESCRIPTION_MAX, nullable: true })
  @IsOptional()
  @Matches(STORABLE_TEXT, { message: `description ${UNSTORABLE_TEXT_MESSAGE}` })
  @MaxLength(DESCRIPTION_MAX, { message: DESCRIPTION_MESSAGE })
  @IsString({ message: 'description must be a string' })
  description?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'completed must be a boolean' })
  completed?: boolean;
}

export class CompleteTaskDto {
  @ApiPropertyOptional({ description: 'Set this state; omit to toggle' })
  @IsOptional()
  @IsBoolean({ message: 'completed must be a boolean' })
  completed?: boolean;
}

export class ListTasksQueryDto {
  @ApiPropertyOptional({ enum: ['all', 'pending', 'completed'], default: 'all' })
  @IsOptional()
  @IsIn(['all', 'pending', 'completed'], { message: 'status must be one of: all, pending, completed' })
  status?: 'all' | 'pending' | 'completed';

  @ApiPropertyOptional({ description: 'Words to find in the title or description', maxLength: 200 })
  @IsOptional()
  @Matches(STORABLE_TEXT, { message: `q ${UNSTORABLE_TEXT_MESSAGE}` }) // a NUL reached SQL: a 500
  @MaxLength(200, { message: 'q must be at most 200 characters' })
  @IsString({ message: 'q must be a string' })
  q?: string;

  @ApiPropertyOptional({ enum: ['created', 'updated', 'title'], default: 'created' })
  @IsOptional()
  @IsIn(['created', 'updated', 'title'], { message: 'sort must be one of: created, updated, title' })
  sort?: 'created' | 'updated' | 'title';

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'], { message: 'order must be one of: asc, desc' })
  order?: 'asc' | 'desc';

  @ApiPropertyOptional({ minimum: 1, maximum: PAGE_MAX, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @Min(1, { message: `limit must be an integer from 1 to ${PAGE_MAX}` })
  @Max(PAGE_MAX, { message: `limit must be an integer from 1 to ${PAGE_MAX}` })
  @IsInt({ message: `limit must be an integer from 1 to ${PAGE_MAX}` })
  limit?: number;

  @ApiPropertyOptional({ description: 'next_cursor of the previous page' })
  @IsOptional()
  @MaxLength(500, { message: 'cursor is not valid' })
  @IsString({ message: 'cursor must be a string' })
  cursor?: string;
}
