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
import type { ConsoleServices } from '../services/agent/console-services.js';
import type { AgentRecord } from '../storage/records.js';
import { cmd, type CommandsOf } from './command.js';
import type { AgentSocket } from './namespaces.js';

export function consoleCommands(s: ConsoleServices, me: (socket: AgentSocket) => Promise<AgentRecord>) {
  return {
    [AGENT_CMD.conversationsList]: cmd(ConversationsListSchema, async (socket, p) => s.closed(await me(socket), p.cursor)),
    [AGENT_CMD.noteAdd]: cmd(NoteAddSchema, async (socket, p) => s.notes.add(await me(socket), p)),
    [AGENT_CMD.conversationSetLang]: cmd(ConversationSetLangSchema, async (socket, p) => s.context.setLang(await me(socket), p)),
    [AGENT_CMD.conversationLink]: cmd(ConversationLinkSchema, async (socket, p) => s.customers.link(await me(socket), p)),
    [AGENT_CMD.customerHistory]: cmd(ConversationRefSchema, async (socket, p) => s.customers.history(await me(socket), p.conversationId)),
    [AGENT_CMD.cannedList]: cmd(EmptySchema, async (socket) => s.canned.list(await me(socket))),
    [AGENT_CMD.cannedSave]: cmd(CannedSaveSchema, async (socket, p) => s.canned.save(await me(socket), p)),
    [AGENT_CMD.cannedDelete]: cmd(CannedDeleteSchema, async (socket, p) => s.canned.remove(await me(socket), p.id)),
    [AGENT_CMD.unansweredList]: cmd(EmptySchema, async (socket) => s.unanswered(await me(socket))),
    // The FAQ learning from that list (services/faq/faq-additions.ts says who may do what).
    [AGENT_CMD.faqEntries]: cmd(EmptySchema, async (socket) => s.faq.entries(await me(socket))),
    [AGENT_CMD.faqAttach]: cmd(FaqAttachSchema, async (socket, p) => s.faq.attach(await me(socket), p)),
    [AGENT_CMD.faqDraft]: cmd(FaqDraftSchema, async (socket, p) => s.faq.draft(await me(socket), p)),
    [AGENT_CMD.faqConfirm]: cmd(FaqDecideSchema, async (socket, p) => s.faq.confirm(await me(socket), p.id)),
    [AGENT_CMD.faqDismiss]: cmd(FaqDecideSchema, async (socket, p) => s.faq.dismiss(await me(socket), p.id)),
    [AGENT_CMD.tagsList]: cmd(EmptySchema, async (socket) => s.tags(await me(socket))),
  } satisfies Partial<CommandsOf<AgentCommands>>;
}
