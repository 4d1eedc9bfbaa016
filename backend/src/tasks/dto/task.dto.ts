import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  IsArray,
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
import { PRIORITIES, Priority, TAG_MAX, TAGS_MAX } from '../task-fields';
import { DESCRIPTION_MAX, PAGE_MAX, TITLE_MAX } from '../tasks.service';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const TITLE_MESSAGE = `title must be 1-${TITLE_MAX} characters`;
const DESCRIPTION_MESSAGE = `description must be at most ${DESCRIPTION_MAX} characters`;
const PRIORITY_MESSAGE = 'priority must be one of: high, medium, low (or null for none)';
const DUE_MESSAGE =
  'due_at must be a string: an ISO 8601 date or date and time, or words such as "Friday 3pm"';
const TEXT_100 = 100;

/**
 * Priority, tags, due date and repeat, as POST, PUT and PATCH take them. Deep checks (a tag's characters, what a
 * due date or a repeat means) are the tasks service's, so REST, MCP and chat refuse the same things.
 */
class TaskFieldsDto {
  @ApiPropertyOptional({ enum: PRIORITIES, nullable: true, description: 'null: no priority' })
  @IsOptional()
  @IsIn(PRIORITIES, { message: PRIORITY_MESSAGE })
  priority?: Priority | null;

  @ApiPropertyOptional({
    type: [String],
    maxItems: TAGS_MAX,
    example: ['work', 'errands'],
    description: `Up to ${TAGS_MAX} labels of 1-${TAG_MAX} characters; lower-cased and deduplicated. Replaces the task's tags.`,
  })
  @IsOptional()
  @IsString({ each: true, message: 'tags must be a list of strings' })
  @ArrayMaxSize(TAGS_MAX * 5, { message: `tags must have at most ${TAGS_MAX} items` })
  @IsArray({ message: 'tags must be a list of strings' })
  tags?: string[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2026-12-12T15:00',
    description:
      "An ISO 8601 date (due that day) or date and time (in the user's time zone unless it has an offset), or " +
      'words resolved in the user\'s time zone ("tomorrow", "Friday 3pm", "in 3 days"); null: no due date.',
  })
  @IsOptional()
  @Matches(STORABLE_TEXT, { message: `due_at ${UNSTORABLE_TEXT_MESSAGE}` })
  @MaxLength(TEXT_100, { message: `due_at must be at most ${TEXT_100} characters` })
  @IsString({ message: DUE_MESSAGE })
  due_at?: string | null;

  @ApiPropertyOptional({
    oneOf: [
      { type: 'string', example: 'every monday and thursday' },
      {
        type: 'object',
        properties: {
          frequency: { enum: ['daily', 'weekly', 'monthly'] },
          interval: { type: 'integer', minimum: 1, maximum: 365 },
          weekdays: { type: 'array', items: { enum: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] } },
          month_day: { type: 'integer', minimum: 1, maximum: 31 },
        },
      },
    ],
    nullable: true,
    description:
      'How the task repeats: "daily", "weekdays", "weekly", "every monday and thursday", "monthly", "every 2 weeks", ' +
      'or the object form; null: it does not repeat. Completing it creates the next occurrence.',
  })
  @Allow()
  recurrence?: unknown;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '30 minutes before',
    description:
      'When to remind: an instant (ISO 8601 or words in the user\'s time zone, "tomorrow 9am"), "30 minutes before" ' +
      '(the due time), or "default"; null: no reminder. By default a task reminds at its due time, or at 09:00 on a ' +
      'due date without a time.',
  })
  @IsOptional()
  @Matches(STORABLE_TEXT, { message: `remind_at ${UNSTORABLE_TEXT_MESSAGE}` })
  @MaxLength(TEXT_100, { message: `remind_at must be at most ${TEXT_100} characters` })
  @IsString({ message: 'remind_at must be a string (an instant, "30 minutes before", "default") or null' })
  remind_at?: string | null;
}

export class CreateTaskDto extends TaskFieldsDto {
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
export class UpdateTaskDto extends TaskFieldsDto {
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

  @ApiPropertyOptional({ enum: [...PRIORITIES, 'none'] })
  @IsOptional()
  @IsIn([...PRIORITIES, 'none'], { message: 'priority must be one of: high, medium, low, none' })
  priority?: Priority | 'none';

  @ApiPropertyOptional({
    type: [String],
    description: 'Tasks with this tag; repeat it (tag=a&tag=b) for tasks with all of them',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? [value] : value))
  @Matches(STORABLE_TEXT, { each: true, message: `tag ${UNSTORABLE_TEXT_MESSAGE}` })
  @MaxLength(TAG_MAX + 10, { each: true, message: `tag must be at most ${TAG_MAX} characters` })
  @IsString({ each: true, message: 'tag must be a string' })
  @ArrayMaxSize(TAGS_MAX, { message: `give at most ${TAGS_MAX} tags` })
  tag?: string[];

  @ApiPropertyOptional({
    enum: ['overdue', 'today', 'week', 'none'],
    description:
      "overdue: open tasks past due; today: due today; week: due today or in the next 6 days (in the user's " +
      'time zone); none: without a due date',
  })
  @IsOptional()
  @IsIn(['overdue', 'today', 'week', 'none'], { message: 'due must be one of: overdue, today, week, none' })
  due?: 'overdue' | 'today' | 'week' | 'none';

  @ApiPropertyOptional({
    description: 'Due before this date or instant (ISO 8601 or words; a date: its start)',
  })
  @IsOptional()
  @Matches(STORABLE_TEXT, { message: `due_before ${UNSTORABLE_TEXT_MESSAGE}` })
  @MaxLength(TEXT_100, { message: `due_before must be at most ${TEXT_100} characters` })
  @IsString({ message: 'due_before must be a string' })
  due_before?: string;

  @ApiPropertyOptional({
    description: 'Due at or after this date or instant (ISO 8601 or words; a date: its start)',
  })
  @IsOptional()
  @Matches(STORABLE_TEXT, { message: `due_after ${UNSTORABLE_TEXT_MESSAGE}` })
  @MaxLength(TEXT_100, { message: `due_after must be at most ${TEXT_100} characters` })
  @IsString({ message: 'due_after must be a string' })
  due_after?: string;

  @ApiPropertyOptional({
    enum: ['created', 'updated', 'title', 'due', 'priority'],
    default: 'created',
    description: 'due: soonest first, none last; priority: high to low, none last, then by due date',
  })
  @IsOptional()
  @IsIn(['created', 'updated', 'title', 'due', 'priority'], {
    message: 'sort must be one of: created, updated, title, due, priority',
  })
  sort?: 'created' | 'updated' | 'title' | 'due' | 'priority';

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
