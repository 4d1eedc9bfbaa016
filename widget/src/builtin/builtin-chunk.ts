/** The lazily loaded built-in renderer. */
import { defineOnce } from '../define.js';
import { BuiltinChat, type BuiltinChatConfig } from './builtin-chat.js';

export { ChatKitClient } from './chatkit-client.js';

export function createBuiltinChat(config: BuiltinChatConfig): BuiltinChat {
  defineOnce('todo-assistant-chat', BuiltinChat);
  const chat = document.createElement('todo-assistant-chat') as BuiltinChat;
  chat.config = config;
  return chat;
}
