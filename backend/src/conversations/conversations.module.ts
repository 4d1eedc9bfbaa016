import { Module } from '@nestjs/common';
import { ConversationStore } from './conversation-store.service';

/** Threads and items in PostgreSQL: the one store behind ChatKit and REST chat. */
@Module({
  providers: [ConversationStore],
  exports: [ConversationStore],
})
export class ConversationsModule {}
