import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { TASK_EVENT_TYPES } from '../../events/task-event';

// Shapes only: what a webhook URL or an event name may be is the webhooks service's to say, so the CLI and the
// API refuse the same things with the same words. A field's type check is its last decorator (it runs first).

/** `POST /api/admin/sites/:id/webhooks`. */
export class AddWebhookDto {
  @ApiProperty({ example: 'https://shop.example.com/hooks/todo' })
  @MaxLength(2_000, { message: 'url must be at most 2000 characters' })
  @IsString({ message: 'url must be a string: the https URL of your receiver' })
  url: string;

  @ApiPropertyOptional({
    example: ['task.created', 'task.completed'],
    description: `task.* or any of ${TASK_EVENT_TYPES.join(', ')}; none or empty: every task event`,
  })
  @IsOptional()
  @ArrayMaxSize(20, { message: 'events must list at most 20 event types' })
  @IsString({ each: true, message: 'each event must be a string such as task.created' })
  @IsArray({ message: 'events must be an array of event types' })
  events?: string[];
}

/** `?limit=N` (1-1000, 50 by default): the newest delivery attempts. */
export class DeliveriesQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number from 1 to 1000' })
  @Min(1, { message: 'limit must be a whole number from 1 to 1000' })
  @Max(1000, { message: 'limit must be a whole number from 1 to 1000' })
  limit?: number;
}
