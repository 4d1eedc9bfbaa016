import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Page } from '../conversations/conversation-store.service';
import {
  assistantMessageText,
  StoredItem,
  StoredThread,
  userMessageText,
} from '../conversations/thread-item';

export class ToolCallView {
  @ApiProperty({ example: 'add_task' }) name: string;
  @ApiProperty({ type: Object, example: { title: 'Buy milk' } }) arguments: Record<string, unknown>;
  @ApiProperty({
    description: "The tool's JSON result, or its message text when it failed",
    example: { task_id: 1, status: 'created', title: 'Buy milk' },
  })
  output: unknown;
}

export class ChatReplyView {
  @ApiProperty({ example: 'thr_4f9c2a7d1e3b5a60' }) conversation_id: string;
  @ApiProperty({ example: 'I added “Buy milk” as task 1.' }) response: string;
  @ApiProperty({ type: [ToolCallView] }) tool_calls: ToolCallView[];
}

export class ConversationView {
  @ApiProperty({ example: 'thr_4f9c2a7d1e3b5a60' }) id: string;
  @ApiProperty({ type: String, nullable: true, example: 'Add buy milk' }) title: string | null;
  @ApiProperty({ example: '2026-11-25T18:00:00.000Z' }) created_at: string;
  @ApiProperty({ example: '2026-11-25T18:05:00.000Z' }) updated_at: string;
}

export class ConversationPage {
  @ApiProperty({ type: [ConversationView] }) data: ConversationView[];
  @ApiProperty() has_more: boolean;
  @ApiPropertyOptional({ description: 'Pass as `cursor` to get the next page' }) next_cursor?: string;
}

export class MessageView {
  @ApiProperty({ example: 'msg_0c1d2e3f4a5b6c7d' }) id: string;
  @ApiProperty({ enum: ['user', 'assistant'] }) role: 'user' | 'assistant';
  @ApiProperty({ example: 'add buy milk' }) content: string;
  @ApiProperty({ example: '2026-11-25T18:00:00.000Z' }) created_at: string;
}

export class MessagePage {
  @ApiProperty({ type: [MessageView] }) data: MessageView[];
  @ApiProperty() has_more: boolean;
  @ApiPropertyOptional({ description: 'Pass as `cursor` to get the next page' }) next_cursor?: string;
}

export class DeletedConversationView {
  @ApiProperty({ example: 'thr_4f9c2a7d1e3b5a60' }) conversation_id: string;
  @ApiProperty({ enum: ['deleted'] }) status: 'deleted';
}

/** A tool's output as REST clients get it: the parsed JSON result, or the message text of a failure. */
export function toolOutputValue(output: string, isError: boolean): unknown {
  if (isError) return output;
  try {
    return JSON.parse(output) as unknown;
  } catch {
    return output;
  }
}

export function toConversationView(t: StoredThread): ConversationView {
  return {
    id: t.id,
    title: t.title,
    created_at: t.createdAt.toISOString(),
    updated_at: t.updatedAt.toISOString(),
  };
}

export function toMessageView(item: StoredItem): MessageView | undefined {
  if (item.type === 'user_message')
    return {
      id: item.id,
      role: 'user',
      content: userMessageText(item.payload),
      created_at: item.createdAt.toISOString(),
    };
  if (item.type === 'assistant_message')
    return {
      id: item.id,
      role: 'assistant',
      content: assistantMessageText(item.payload),
      created_at: item.createdAt.toISOString(),
    };
  return undefined;
}

export function toPageView<T, V>(p: Page<T>, map: (row: T) => V | undefined) {
  const data = p.data.map(map).filter((v): v is V => v !== undefined);
  return p.hasMore ? { data, has_more: true, next_cursor: p.after } : { data, has_more: false };
}
