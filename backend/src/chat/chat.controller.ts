import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Logger,
  Param,
  Post,
  Query,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/current-user.decorator';
import { SiteAccess } from '../sites/site-access';
import { UserPathGuard } from '../common/user-path.guard';
import { ChatRateLimitFilter } from './chat-rate-limit';
import { ConversationIdPipe } from './conversation-id.pipe';
import { ChatService } from './chat.service';
import { ChatReplyView, ConversationPage, DeletedConversationView, MessagePage } from './chat.views';
import { ChatRequestDto, ListConversationsQueryDto, ListMessagesQueryDto } from './dto/chat.dto';
import { localeOptions } from './locale';
import { abortOnDisconnect, pipeSse } from './sse';

/** The seed's REST chat, at `/api/chat…` and at `/api/{user_id}/chat…` (403 for another user's id). */
@ApiTags('chat')
@ApiBearerAuth()
@UseGuards(UserPathGuard)
@UseFilters(ChatRateLimitFilter)
@Controller(['api/chat', 'api/:userId/chat'])
export class ChatController {
  private readonly logger = new Logger('ChatStream');

  constructor(
    private readonly chat: ChatService,
    private readonly sites: SiteAccess,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a message; answers when the assistant has replied' })
  @ApiOkResponse({ type: ChatReplyView })
  reply(
    @CurrentUser() user: AuthUser,
    @Body() body: ChatRequestDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Headers('origin') origin: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ChatReplyView> {
    return this.chat.reply(user.id, body, abortOnDisconnect(res), {
      ...localeOptions(acceptLanguage),
      site: this.sites.turnSite(user, origin),
    });
  }

  @Post('stream')
  @ApiOperation({
    summary: 'Send a message; the answer streams as Server-Sent Events',
    description:
      'Events: `conversation` {conversation_id}, then any of `delta` {message_id, text}, `tool_call` {name, arguments}, ' +
      '`tool_result` {name, arguments, output}, `tasks_changed` {changes}, and last `done` ' +
      '{conversation_id, response, tool_calls} or `error` {code, message, retryable}.',
  })
  @ApiProduces('text/event-stream')
  async stream(
    @CurrentUser() user: AuthUser,
    @Body() body: ChatRequestDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Headers('origin') origin: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const signal = abortOnDisconnect(res);
    const frames = await this.chat.stream(user.id, body, signal, {
      ...localeOptions(acceptLanguage),
      site: this.sites.turnSite(user, origin),
    });
    await pipeSse(res, frames, this.logger);
  }

  @Get('conversations')
  @ApiOkResponse({ type: ConversationPage })
  conversations(
    @CurrentUser() user: AuthUser,
    @Query() query: ListConversationsQueryDto,
  ): Promise<ConversationPage> {
    return this.chat.conversations(user.id, query);
  }

  @Get('conversations/:id/messages')
  @ApiOkResponse({ type: MessagePage })
  messages(
    @CurrentUser() user: AuthUser,
    @Param('id', ConversationIdPipe) id: string,
    @Query() query: ListMessagesQueryDto,
  ): Promise<MessagePage> {
    return this.chat.messages(user.id, id, query);
  }

  @Delete('conversations/:id')
  @ApiOkResponse({ type: DeletedConversationView })
  delete(
    @CurrentUser() user: AuthUser,
    @Param('id', ConversationIdPipe) id: string,
  ): Promise<DeletedConversationView> {
    return this.chat.delete(user.id, id);
  }
}
