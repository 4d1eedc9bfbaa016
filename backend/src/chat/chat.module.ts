import { TasksModule } from '../tasks/tasks.module';
import { Module } from '@nestjs/common';
import { AgentModule } from '../agent/agent.module';
import { ConversationsModule } from '../conversations/conversations.module';
import { ChatRateLimiter } from './chat-rate-limit';
import { ChatTurnService } from './chat-turn.service';
import { ChatController } from './chat.controller';
import { ChatService } from './chat.service';
import { ChatKitSessionController } from './chatkit-session.controller';
import { ChatKitSessionService } from './chatkit-session.service';
import { TurnStarts } from './turn-start';

/** Chat turns (shared with ChatKit), the seed's REST chat endpoints and the hosted ChatKit session. */
@Module({
  imports: [ConversationsModule, AgentModule, TasksModule],
  controllers: [ChatController, ChatKitSessionController],
  providers: [ChatTurnService, ChatRateLimiter, TurnStarts, ChatService, ChatKitSessionService],
  exports: [ChatTurnService, ChatRateLimiter],
})
export class ChatModule {}
