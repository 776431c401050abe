// Topics and skills from the console: what a chat is about (an agent corrects the bot's
// reading), the site's topics with their difficulty, and (admins) each agent's skills and level.
// Routing reads all of it (server/routing/, eligibility.ts); this only checks and stores it.
import { ERR } from '../../../protocol/events.js';
import type { AgentSetSkills, ConversationSetTopic, TopicSet } from '../../../protocol/schemas.js';
import type { AgentListItem, ConversationSummary, SiteTopic, TopicsListResult } from '../../../protocol/types.js';
import type { ChatStore } from '../../storage/chat-store.js';
import type { AgentRecord, SiteRecord } from '../../storage/records.js';
import { actionable, requireAdmin } from '../conversations/agent-access.js';
import { AppError, notFound } from '../app-error.js';
import type { Conversations } from '../conversations/conversations.js';
import type { RoutingService } from './routing-service.js';
import { toSummary } from '../conversations/views.js';
import type { AuditLog } from '../audit/audit-log.js';
import { changesBetween } from '../audit/audit-changes.js';

export class SkillsService {
  constructor(
    private readonly store: ChatStore,
    private readonly conversations: Conversations,
    private readonly routing: RoutingService,
    /** The wait when the site sets none (BULLE_SKILL_WAIT_MS). */
    private readonly defaultSkillWaitMs: number,
    private readonly audit: AuditLog,
  ) {}

  private async site(agent: AgentRecord): Promise<SiteRecord> {
    const site = await this.store.getSite(agent.siteId);
    if (!site) throw notFound('Site');
    return site;
  }

  private static topicOf(site: SiteRecord, id: string): SiteTopic {
    const topic = site.topics?.find((t) => t.id === id);
    if (!topic) throw new AppError(ERR.badPayload, `topic: "${id}" is not one of ${(site.topics ?? []).map((t) => t.id).join(', ') || '(this site has no topics)'}`);
    return topic;
  }

  async list(agent: AgentRecord): Promise<TopicsListResult> {
    const site = await this.site(agent);
    return { topics: (site.topics ?? []).map((t) => ({ ...t })), skillWaitMs: site.skillWaitMs ?? this.defaultSkillWaitMs };
  }

  /** An agent's correction: it wins over the bot's reading, and a waiting chat is routed by it. */
  async setConversationTopic(agent: AgentRecord, input: ConversationSetTopic): Promise<{ conversation: ConversationSummary }> {
    const site = await this.site(agent);
    SkillsService.topicOf(site, input.topic);
    const conv = await actionable(this.store, agent, input.conversationId);
    if (conv.topic?.id === input.topic && conv.topic.via === 'agent') return { conversation: toSummary(conv) };
    const next = await this.conversations.transition(conv, { topic: { id: input.topic, confidence: 1, via: 'agent' } }, { status: conv.status });
    await this.conversations.append(next, {
      author: 'system',
      text: `${agent.name} set the topic to ${input.topic}${conv.topic ? ` (was ${conv.topic.id})` : ''}.`,
      internal: true,
    });
    return { conversation: toSummary((await this.store.getConversation(next.id)) ?? next) };
  }

  /** Admins: a topic's difficulty (simple: trainees first; complex: experts first), and the site's skill wait. */
  async setTopic(agent: AgentRecord, input: TopicSet): Promise<TopicsListResult> {
    requireAdmin(agent, 'change the topics');
    const site = await this.site(agent);
    SkillsService.topicOf(site, input.topic);
    const next: SiteRecord = {
      ...site,
      topics: site.topics!.map((t) => (t.id === input.topic ? { ...t, difficulty: input.difficulty } : { ...t })),
      ...(input.skillWaitMs !== undefined ? { skillWaitMs: input.skillWaitMs } : {}),
    };
    await this.store.putSite(next);
    await this.routing.siteChanged(next);
    const was = site.topics!.find((t) => t.id === input.topic)?.difficulty;
    const changes = changesBetween({ [`topic ${input.topic}`]: was, skillWaitMs: site.skillWaitMs }, { [`topic ${input.topic}`]: input.difficulty, skillWaitMs: next.skillWaitMs }, [`topic ${input.topic}`, 'skillWaitMs']);
    if (changes) await this.audit.record({ actor: agent, siteId: site.id, action: 'site.update', target: { kind: 'site', id: site.id, label: site.name }, changes });
    return this.list(agent);
  }

  /** Admins: an agent's skills (null: every topic) and level. */
  async setAgentSkills(agent: AgentRecord, input: AgentSetSkills): Promise<{ agent: AgentListItem }> {
    requireAdmin(agent, "change agents' skills");
    const site = await this.site(agent);
    for (const id of input.skills ?? []) SkillsService.topicOf(site, id);
    const target = await this.store.getAgent(input.agentId);
    if (!target || target.siteId !== agent.siteId) throw notFound('Agent');
    const { skills: _old, ...rest } = target;
    const next: AgentRecord = { ...rest, level: input.level, ...(input.skills ? { skills: [...input.skills] } : {}) };
    await this.store.putAgent(next);
    await this.routing.agentChanged(next);
    const changes = changesBetween(target, next, ['skills', 'level']);
    if (changes) await this.audit.record({ actor: agent, siteId: site.id, action: 'agent.skills', target: { kind: 'agent', id: next.id, label: next.name }, changes });
    const listed = (await this.routing.listAgents(agent)).agents.find((a) => a.id === next.id)!;
    return { agent: listed };
  }
}
