// The agent workspace's commands on the /agent namespace (issue #4): each schema-checked and
// acknowledged like every other command (sockets/command.ts).
import type { Socket } from 'socket.io';
import { AGENT_CMD } from '../protocol/events.js';
import {
  CannedDeleteSchema,
  CannedSaveSchema,
  ConversationLinkSchema,
  ConversationRefSchema,
  ConversationSetLangSchema,
  ConversationsListSchema,
  EmptySchema,
  NoteAddSchema,
} from '../protocol/schemas.js';
import { listClosed } from '../services/closed-list.js';
import type { ConsoleServices } from '../services/console-services.js';
import { siteTags } from '../services/tags.js';
import type { AgentRecord } from '../storage/records.js';
import { cmd, type Command } from './command.js';

export function consoleCommands(s: ConsoleServices, me: (socket: Socket) => Promise<AgentRecord>): Record<string, Command> {
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
    [AGENT_CMD.unansweredList]: cmd(EmptySchema, async (socket) => {
      const items = await store.listUnanswered((await me(socket)).siteId, 200);
      return { items: items.map(({ siteId: _site, ...item }) => item) };
    }),
    [AGENT_CMD.tagsList]: cmd(EmptySchema, async (socket) => ({ tags: await siteTags(store, (await me(socket)).siteId) })),
  };
}
