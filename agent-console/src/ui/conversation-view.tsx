// One chat: its header, the whole history (bot turns included) and, once it is mine, the reply box.
import { useEffect } from 'preact/hooks';
import type { Chat } from '../state/console-state.js';
import type { ConsoleCommands } from '../state/use-console.js';
import { Composer } from './composer.js';
import { ConversationHeader } from './conversation-header.js';
import { MessageList } from './message-list.js';

interface Props {
  chat: Chat;
  myId: string;
  online: boolean;
  commands: ConsoleCommands;
  drafts: Map<string, string>;
}

export function ConversationView({ chat, myId, online, commands, drafts }: Props) {
  const { summary: c } = chat;
  const mine = c.assignedAgentId === myId;

  // What is on screen in a visible tab counts as read.
  useEffect(() => {
    const markSeen = () => {
      if (document.visibilityState === 'visible') commands.dispatch({ type: 'seen', conversationId: c.id });
    };
    markSeen();
    document.addEventListener('visibilitychange', markSeen);
    return () => document.removeEventListener('visibilitychange', markSeen);
  }, [c.id, chat.messages.length, commands]);

  return (
    <section class="conversation" aria-label="Conversation" data-bulle="conversation" data-id={c.id} data-status={c.status}>
      <ConversationHeader summary={c} mine={mine} commands={commands} />
      <MessageList chat={chat} commands={commands} />
      {c.status === 'assigned' && mine ? (
        <Composer conversationId={c.id} online={online} commands={commands} drafts={drafts} />
      ) : (
        <div class="composer composer--off" data-bulle="composer-off">
          {c.status === 'queued' && <span>Preview: the visitor is waiting. Claim the conversation to reply.</span>}
          {c.status === 'closed' && <span>This conversation is closed.</span>}
          {c.status === 'assigned' && !mine && <span>{c.assignedAgentName ?? 'Another agent'} is handling this conversation.</span>}
          {c.status === 'bot' && <span>The bot is handling this conversation.</span>}
        </div>
      )}
    </section>
  );
}
