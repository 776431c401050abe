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
import { command, type Logger } from './command.js';

export function registerConsoleCommands(socket: Socket, s: ConsoleServices, me: () => Promise<AgentRecord>, log: Logger): void {
  const store = s.conversations.store;
  command(socket, AGENT_CMD.conversationsList, ConversationsListSchema, async (p) => listClosed(store, await me(), p.cursor), log);
  command(socket, AGENT_CMD.noteAdd, NoteAddSchema, async (p) => s.notes.add(await me(), p), log);
  command(socket, AGENT_CMD.conversationSetLang, ConversationSetLangSchema, async (p) => s.context.setLang(await me(), p), log);
  command(socket, AGENT_CMD.conversationLink, ConversationLinkSchema, async (p) => s.customers.link(await me(), p), log);
  command(socket, AGENT_CMD.customerHistory, ConversationRefSchema, async (p) => s.customers.history(await me(), p.conversationId), log);
  command(socket, AGENT_CMD.cannedList, EmptySchema, async () => s.canned.list(await me()), log);
  command(socket, AGENT_CMD.cannedSave, CannedSaveSchema, async (p) => s.canned.save(await me(), p), log);
  command(socket, AGENT_CMD.cannedDelete, CannedDeleteSchema, async (p) => s.canned.remove(await me(), p.id), log);
  command(socket, AGENT_CMD.unansweredList, EmptySchema, async () => {
    const items = await store.listUnanswered((await me()).siteId, 200);
    return { items: items.map(({ siteId: _site, ...item }) => item) };
  }, log);
  command(socket, AGENT_CMD.tagsList, EmptySchema, async () => ({ tags: await siteTags(store, (await me()).siteId) }), log);
}
