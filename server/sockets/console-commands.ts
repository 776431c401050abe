// The agent workspace's commands on the /agent namespace: each schema-checked and
// acknowledged like every other command (sockets/command.ts).
import type { AgentCommands } from '../../protocol/agent-events.js';
import { AGENT_CMD } from '../../protocol/events.js';
import {
  CannedDeleteSchema,
  CannedSaveSchema,
  ConversationLinkSchema,
  ConversationRefSchema,
  ConversationSetLangSchema,
  ConversationsListSchema,
  EmptySchema,
  FaqAttachSchema,
  FaqDecideSchema,
  FaqDraftSchema,
  NoteAddSchema,
} from '../../protocol/schemas.js';
import type { UnansweredListResult } from '../../protocol/types.js';
import { listClosed } from '../services/conversations/closed-list.js';
import type { ConsoleServices } from '../services/agent/console-services.js';
import { siteTags } from '../services/conversations/tags.js';
import { groupUnanswered } from '../services/faq/unanswered-groups.js';
import type { AgentRecord } from '../storage/records.js';
import { cmd, type CommandsOf } from './command.js';
import type { AgentSocket } from './namespaces.js';

export function consoleCommands(s: ConsoleServices, me: (socket: AgentSocket) => Promise<AgentRecord>) {
  const store = s.conversations.store;
  return {
    [AGENT_CMD.conversationsList]: cmd(ConversationsListSchema, async (socket, p) => listClosed(store, await me(socket), p.cursor)),
    [AGENT_CMD.noteAdd]: cmd(NoteAddSchema, async (socket, p) => s.notes.add(await me(socket), p)),
    [AGENT_CMD.conversationSetLang]: cmd(ConversationSetLangSchema, async (socket, p) => s.context.setLang(await me(socket), p)),
    [AGENT_CMD.conversationLink]: cmd(ConversationLinkSchema, async (socket, p) => s.customers.link(await me(socket), p)),
    [AGENT_CMD.customerHistory]: cmd(ConversationRefSchema, async (socket, p) => s.customers.history(await me(socket), p.conversationId)),
    [AGENT_CMD.cannedList]: cmd(EmptySchema, async (socket) => s.canned.list(await me(socket))),
    [AGENT_CMD.cannedSave]: cmd(CannedSaveSchema, async (socket, p) => s.canned.save(await me(socket), p)),
    [AGENT_CMD.cannedDelete]: cmd(CannedDeleteSchema, async (socket, p) => s.canned.remove(await me(socket), p.id)),
    [AGENT_CMD.unansweredList]: cmd(EmptySchema, async (socket): Promise<UnansweredListResult> => {
      const { siteId } = await me(socket);
      const [records, additions] = await Promise.all([store.listUnanswered(siteId, 500), s.faq.list(siteId)]);
      const items = records.map(({ siteId: _site, ...item }) => item);
      return { items: items.slice(0, 200), groups: groupUnanswered(items, additions), additions };
    }),
    // The FAQ learning from that list (services/faq/faq-additions.ts says who may do what).
    [AGENT_CMD.faqEntries]: cmd(EmptySchema, async (socket) => s.faq.entries(await me(socket))),
    [AGENT_CMD.faqAttach]: cmd(FaqAttachSchema, async (socket, p) => s.faq.attach(await me(socket), p)),
    [AGENT_CMD.faqDraft]: cmd(FaqDraftSchema, async (socket, p) => s.faq.draft(await me(socket), p)),
    [AGENT_CMD.faqConfirm]: cmd(FaqDecideSchema, async (socket, p) => s.faq.confirm(await me(socket), p.id)),
    [AGENT_CMD.faqDismiss]: cmd(FaqDecideSchema, async (socket, p) => s.faq.dismiss(await me(socket), p.id)),
    [AGENT_CMD.tagsList]: cmd(EmptySchema, async (socket) => ({ tags: await siteTags(store, (await me(socket)).siteId) })),
  } satisfies Partial<CommandsOf<AgentCommands>>;
}
