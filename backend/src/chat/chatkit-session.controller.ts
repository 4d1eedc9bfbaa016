import { Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/current-user.decorator';
import { ChatKitSession, ChatKitSessionService } from './chatkit-session.service';

class ChatKitSessionView implements ChatKitSession {
  @ApiProperty({ description: 'Pass to <openai-chatkit> through api.getClientSecret' }) client_secret: string;
  @ApiPropertyOptional({ description: 'Unix seconds when the secret expires' }) expires_at?: number;
}

/** `POST /api/chat/chatkit/session`: a client secret for OpenAI-hosted ChatKit (503 when not configured). */
@ApiTags('chat')
@ApiBearerAuth()
@Controller('api/chat/chatkit')
export class ChatKitSessionController {
  constructor(private readonly sessions: ChatKitSessionService) {}

  @Post('session')
  @HttpCode(200)
  @ApiOperation({ summary: 'Create an OpenAI-hosted ChatKit session for the caller' })
  @ApiOkResponse({ type: ChatKitSessionView })
  create(@CurrentUser() user: AuthUser): Promise<ChatKitSession> {
    return this.sessions.create(user.id);
  }
}
