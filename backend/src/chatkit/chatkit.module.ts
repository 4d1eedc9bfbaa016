import { Module } from '@nestjs/common';
import { ChatModule } from '../chat/chat.module';
import { ConversationsModule } from '../conversations/conversations.module';
import { TasksModule } from '../tasks/tasks.module';
import { VoiceModule } from '../voice/voice.module';
import { ChatKitController } from './chatkit.controller';
import { ChatKitService } from './chatkit.service';
import { WidgetActionsService } from './widget-actions.service';

/** The self-hosted ChatKit server at `POST /api/chatkit`. */
@Module({
  imports: [ConversationsModule, ChatModule, TasksModule, VoiceModule],
  controllers: [ChatKitController],
  providers: [ChatKitService, WidgetActionsService],
})
export class ChatKitModule {}
