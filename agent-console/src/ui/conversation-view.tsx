// One chat: its header, the whole history (bot turns and notes included) and, once it is mine,
// the reply box; closing and transferring open their dialogs from here.
import type { SiteTopic } from '../../../protocol/types.js';
import { useEffect, useState } from 'preact/hooks';
import type { Chat } from '../state/console-state.js';
import type { ConsoleCommands } from '../state/use-console.js';
import { CloseDialog } from './close-dialog.js';
import { tagForTopic } from './context-topic.js';
import { Composer, type CannedContext } from './composer.js';
import { ConversationHeader } from './conversation-header.js';
import { MessageList } from './message-list.js';
import { TransferDialog } from './transfer-dialog.js';

interface Props {
  chat: Chat;
  myId: string;
  online: boolean;
  commands: ConsoleCommands;
  drafts: Map<string, string>;
  tags: string[];
  topics: SiteTopic[];
  canned: CannedContext;
  siteLanguages: string[];
}

export function ConversationView({ chat, myId, online, commands, drafts, tags, topics, canned, siteLanguages }: Props) {
  const { summary: c } = chat;
  const mine = c.assignedAgentId === myId;
  const [dialog, setDialog] = useState<'close' | 'transfer' | null>(null);

  // What is on screen in a visible tab counts as read.
  useEffect(() => {
    const markSeen = () => {
      if (document.visibilityState === 'visible') commands.dispatch({ type: 'seen', conversationId: c.id });
    };
    markSeen();
    document.addEventListener('visibilitychange', markSeen);
    return () => document.removeEventListener('visibilitychange', markSeen);
  }, [c.id, chat.messages.length, commands]);

  // The chat was closed or handed on elsewhere (another tab, a transfer): no dialog on a stale chat.
  useEffect(() => {
    if (!(mine && c.status === 'assigned')) setDialog(null);
  }, [mine, c.status]);

  return (
    <section class="conversation" aria-label="Conversation" data-bulle="conversation" data-id={c.id} data-status={c.status}>
      <ConversationHeader summary={c} mine={mine} commands={commands} onClose={() => setDialog('close')} onTransfer={() => setDialog('transfer')} />
      <MessageList chat={chat} commands={commands} />
      {c.status === 'assigned' && mine ? (
        <Composer conversationId={c.id} online={online} commands={commands} drafts={drafts} canned={canned} />
      ) : (
        <div class="composer composer--off" data-bulle="composer-off">
          {c.status === 'queued' && <span>Preview: the visitor is waiting. Claim the conversation to reply.</span>}
          {c.status === 'closed' && <span>This conversation is closed (read-only).</span>}
          {c.status === 'assigned' && !mine && <span>{c.assignedAgentName ?? 'Another agent'} is handling this conversation.</span>}
          {c.status === 'bot' && <span>The bot is handling this conversation.</span>}
        </div>
      )}
      {dialog === 'close' && (
        <CloseDialog
          tags={tags}
          initial={tagForTopic(c, topics, tags)}
          onCancel={() => setDialog(null)}
          onConfirm={async (tag, resolved) => {
            const ok = await commands.close(c.id, tag, resolved);
            if (ok) setDialog(null);
            return ok;
          }}
        />
      )}
      {dialog === 'transfer' && (
        <TransferDialog conversationId={c.id} siteId={c.siteId} lang={c.lang} myId={myId} siteLanguages={siteLanguages} commands={commands} onDone={() => setDialog(null)} />
      )}
    </section>
  );
}
