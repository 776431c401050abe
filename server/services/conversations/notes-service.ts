// Internal notes: a message in the conversation that only agents ever receive.
// Conversations.append and the visitor's sync both leave `internal` messages out.
import type { NoteAdd } from '../../../protocol/schemas.js';
import type { Message } from '../../../protocol/types.js';
import type { ChatStore } from '../../storage/chat-store.js';
import type { AgentRecord } from '../../storage/records.js';
import { actionable } from './agent-access.js';
import type { Conversations } from './conversations.js';

export class NotesService {
  constructor(
    private readonly store: ChatStore,
    private readonly conversations: Conversations,
  ) {}

  async add(agent: AgentRecord, input: NoteAdd): Promise<{ message: Message }> {
    const conv = await actionable(this.store, agent, input.conversationId);
    const { message } = await this.conversations.append(conv, {
      author: 'agent',
      authorName: agent.name,
      text: input.text,
      internal: true,
      ...(input.clientId ? { clientId: input.clientId } : {}),
    });
    return { message };
  }
}
