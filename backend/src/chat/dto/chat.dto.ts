import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateBy } from 'class-validator';
import { STORABLE_TEXT, UNSTORABLE_TEXT_MESSAGE } from '../../common/storable-text';
import { isTimeZone } from '../../tasks/schedule/time-zones';

/** Longest chat message, in characters: a generous paragraph; longer inputs are pastes, not requests. */
export const CHAT_MESSAGE_MAX = 4000;
export const CONVERSATION_PAGE_MAX = 100;
export const CONVERSATION_PAGE_DEFAULT = 20;
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** A real IANA zone name, else 400 (REST chat names the field; ChatKit's metadata is only a hint and ignored). */
function IsTimeZoneName(): PropertyDecorator {
  return ValidateBy({
    name: 'isTimeZoneName',
    validator: {
      validate: (value: unknown) => isTimeZone(value),
      defaultMessage: () =>
        'timezone must be an IANA time zone name such as Europe/Berlin or America/New_York',
    },
  });
}

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const MESSAGE_RULE = `message must be 1-${CHAT_MESSAGE_MAX} characters`;
const LIMIT_RULE = `limit must be an integer from 1 to ${CONVERSATION_PAGE_MAX}`;

export class ChatRequestDto {
  @ApiProperty({ minLength: 1, maxLength: CHAT_MESSAGE_MAX, example: 'add buy milk tomorrow' })
  @Transform(trim)
  @Matches(STORABLE_TEXT, { message: `message ${UNSTORABLE_TEXT_MESSAGE}` })
  @Length(1, CHAT_MESSAGE_MAX, { message: MESSAGE_RULE })
  @IsString({ message: 'message must be a string' })
  message: string;

  @ApiPropertyOptional({
    description: 'Continue this conversation (the conversation_id of an earlier answer); omit to start one',
    example: 'thr_4f9c2a7d1e3b5a60',
  })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'conversation_id must be a conversation id such as thr_4f9c2a7d1e3b5a60' })
  @IsString({ message: 'conversation_id must be a string' })
  conversation_id?: string;

  @ApiPropertyOptional({
    description:
      "The user's IANA time zone (the browser's `Intl.DateTimeFormat().resolvedOptions().timeZone`): dates the " +
      'assistant resolves ("Friday 3pm") and shows are in it; remembered for the user',
    example: 'Europe/Berlin',
  })
  @IsOptional()
  @IsTimeZoneName()
  timezone?: string;
}

export class ListConversationsQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: CONVERSATION_PAGE_MAX, default: CONVERSATION_PAGE_DEFAULT })
  @IsOptional()
  @Type(() => Number)
  @Min(1, { message: LIMIT_RULE })
  @Max(CONVERSATION_PAGE_MAX, { message: LIMIT_RULE })
  @IsInt({ message: LIMIT_RULE })
  limit?: number;

  @ApiPropertyOptional({ description: 'next_cursor of the previous page' })
  @IsOptional()
  // An id of the list (it reaches SQL: a NUL in it was a 500).
  @Matches(ID_PATTERN, { message: 'cursor is not valid' })
  @IsString({ message: 'cursor must be a string' })
  cursor?: string;
}

export class ListMessagesQueryDto extends ListConversationsQueryDto {
  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc', description: 'asc: oldest first' })
  @IsOptional()
  @IsIn(['asc', 'desc'], { message: 'order must be one of: asc, desc' })
  order?: 'asc' | 'desc';
}
