// The workspace's commands: notes, the closed list, tags and canned replies, the
// context panel's language and customer links, and routing (presence, transfer, mode).
// Results that only one panel shows (a customer's history, the agents list) are returned,
// not stored: the panel asks again when it is opened.
import { AGENT_CMD } from '../../../protocol/events.js';
import type { AgentSetSkills, CannedSave, ConversationTransfer, FaqDraft, TopicSet } from '../../../protocol/schemas.js';
import type { AgentsListResult, CustomerHistoryItem, FaqEntrySummary, TopicsListResult, UnansweredListResult } from '../../../protocol/types.js';
import type { Result } from '../api/agent-socket.js';
import { newClientId } from '../lib/client-id.js';
import type { CommandDeps } from './commands.js';

export function createWorkspaceCommands(d: CommandDeps) {
  const failed = (what: string, r: Result<unknown>) => {
    if (!r.ok) d.notify(`${what}: ${r.error.message}`, 'error');
    return r.ok;
  };

  return {
    /** On every connect: the tag list, the canned replies and the topics. */
    async loadWorkspace(): Promise<void> {
      const [tags, canned, topics] = await Promise.all([
        d.request(AGENT_CMD.tagsList, {}),
        d.request(AGENT_CMD.cannedList, {}),
        d.request(AGENT_CMD.topicsList, {}),
      ]);
      d.dispatch({
        type: 'workspace',
        ...(tags.ok ? { tags: tags.data.tags, ...(tags.data.bySite ? { tagsBySite: tags.data.bySite } : {}) } : {}),
        ...(canned.ok ? { canned: canned.data.replies } : {}),
        ...(topics.ok ? { topics: topics.data.topics } : {}),
      });
    },

    // ---- topics and skills ----
    async setTopic(conversationId: string, topic: string): Promise<void> {
      const r = await d.request(AGENT_CMD.conversationSetTopic, { conversationId, topic });
      if (r.ok) d.dispatch({ type: 'conversationUpdated', conversation: r.data.conversation });
      else failed('Could not change the topic', r);
    },

    async topics(): Promise<TopicsListResult | null> {
      const r = await d.request(AGENT_CMD.topicsList, {});
      return r.ok ? r.data : null;
    },

    /** Admins: a topic's difficulty (and the site's skill wait). */
    async setTopicDifficulty(input: TopicSet): Promise<TopicsListResult | null> {
      const r = await d.request(AGENT_CMD.topicSet, input);
      if (r.ok) d.dispatch({ type: 'workspace', topics: r.data.topics });
      return failed('Topic not saved', r) && r.ok ? r.data : null;
    },

    /** Admins: an agent's skills and level. */
    async setAgentSkills(input: AgentSetSkills): Promise<boolean> {
      return failed('Skills not saved', await d.request(AGENT_CMD.agentSetSkills, input));
    },

    /** The first page, or the next one with `more`. */
    async loadClosed(more = false): Promise<void> {
      const cursor = more ? d.getState().closedCursor : undefined;
      if (more && !cursor) return;
      const r = await d.request(AGENT_CMD.conversationsList, { status: 'closed', ...(cursor ? { cursor } : {}) });
      if (failed('Could not load closed chats', r) && r.ok) {
        d.dispatch({ type: 'closedPage', conversations: r.data.conversations, nextCursor: r.data.nextCursor, reset: !more });
      }
    },

    async addNote(conversationId: string, text: string): Promise<boolean> {
      const r = await d.request(AGENT_CMD.noteAdd, { conversationId, text, clientId: newClientId() });
      if (r.ok) d.dispatch({ type: 'messageCreated', message: r.data.message });
      return failed('Note not saved', r);
    },

    async setLang(conversationId: string, lang: string): Promise<void> {
      const r = await d.request(AGENT_CMD.conversationSetLang, { conversationId, lang });
      if (r.ok) d.dispatch({ type: 'conversationUpdated', conversation: r.data.conversation });
      else failed('Could not change the language', r);
    },

    async link(conversationId: string, clue: { email: string } | { order: string }): Promise<boolean> {
      const r = await d.request(AGENT_CMD.conversationLink, { conversationId, ...clue });
      if (r.ok) d.dispatch({ type: 'conversationUpdated', conversation: r.data.conversation });
      return failed('Could not attach it', r);
    },

    /** Questions the bot stepped aside on or answered unhelpfully, grouped, newest first, with the FAQ additions. */
    async unanswered(): Promise<UnansweredListResult | null> {
      const r = await d.request(AGENT_CMD.unansweredList, {});
      return r.ok ? r.data : null;
    },

    /** The site's FAQ entries as the bot uses them, for the "add as a phrasing of…" search. */
    async faqEntries(): Promise<FaqEntrySummary[] | null> {
      const r = await d.request(AGENT_CMD.faqEntries, {});
      return r.ok ? r.data.entries : null;
    },

    async faqAttach(unansweredId: string, faqId: string): Promise<boolean> {
      const r = await d.request(AGENT_CMD.faqAttach, { unansweredId, faqId });
      if (r.ok) d.notify(`Added as a phrasing of ${faqId}: the bot answers it from now on.`, 'info');
      return failed('Not added', r);
    },

    async faqDraft(input: FaqDraft): Promise<boolean> {
      const r = await d.request(AGENT_CMD.faqDraft, input);
      if (r.ok) d.notify('Draft saved: an admin publishes it.', 'info');
      return failed('Draft not saved', r);
    },

    async faqConfirm(id: string): Promise<boolean> {
      return failed('Not confirmed', await d.request(AGENT_CMD.faqConfirm, { id }));
    },

    async faqDismiss(id: string): Promise<boolean> {
      return failed('Not dismissed', await d.request(AGENT_CMD.faqDismiss, { id }));
    },

    async history(conversationId: string): Promise<CustomerHistoryItem[] | null> {
      const r = await d.request(AGENT_CMD.customerHistory, { conversationId });
      return r.ok ? r.data.conversations : null;
    },

    async saveCanned(input: CannedSave): Promise<boolean> {
      const r = await d.request(AGENT_CMD.cannedSave, input);
      if (r.ok) d.dispatch({ type: 'cannedSaved', reply: r.data.reply });
      return failed('Canned reply not saved', r);
    },

    async deleteCanned(id: string): Promise<void> {
      const r = await d.request(AGENT_CMD.cannedDelete, { id });
      if (r.ok) d.dispatch({ type: 'cannedDeleted', id });
      else failed('Could not delete it', r);
    },

    // ---- routing ----
    async setPresence(status: 'online' | 'away'): Promise<boolean> {
      return failed('Could not change your status', await d.request(AGENT_CMD.presenceSet, { status }));
    },

    async setMode(mode: 'automatic' | 'manual'): Promise<boolean> {
      return failed('Could not switch the assignment mode', await d.request(AGENT_CMD.siteMode, { mode }));
    },

    /** The agents of one of my sites (a chat's, for a transfer); absent: my own site. */
    async agents(siteId?: string): Promise<AgentsListResult | null> {
      const r = await d.request(AGENT_CMD.agentsList, siteId ? { siteId } : {});
      return r.ok ? r.data : null;
    },

    async transfer(input: ConversationTransfer): Promise<boolean> {
      const r = await d.request(AGENT_CMD.conversationTransfer, input);
      if (r.ok) d.dispatch({ type: 'conversationUpdated', conversation: r.data.conversation });
      return failed('Transfer failed', r);
    },
  };
}
