// Topics and skills on the /agent namespace: an agent corrects a chat's topic; the site's
// topics are listed; admins set a topic's difficulty and an agent's skills and level.
import type { AgentCommands } from '../../protocol/agent-events.js';
import { AGENT_CMD } from '../../protocol/events.js';
import { AgentSetSkillsSchema, ConversationSetTopicSchema, EmptySchema, TopicSetSchema } from '../../protocol/schemas.js';
import type { SkillsService } from '../services/routing/skills-service.js';
import type { AgentRecord } from '../storage/records.js';
import { cmd, type CommandsOf } from './command.js';
import type { AgentSocket } from './namespaces.js';

export function skillsCommands(skills: SkillsService, me: (socket: AgentSocket) => Promise<AgentRecord>) {
  return {
    [AGENT_CMD.topicsList]: cmd(EmptySchema, async (socket) => skills.list(await me(socket))),
    [AGENT_CMD.conversationSetTopic]: cmd(ConversationSetTopicSchema, async (socket, p) => skills.setConversationTopic(await me(socket), p)),
    [AGENT_CMD.topicSet]: cmd(TopicSetSchema, async (socket, p) => skills.setTopic(await me(socket), p)),
    [AGENT_CMD.agentSetSkills]: cmd(AgentSetSkillsSchema, async (socket, p) => skills.setAgentSkills(await me(socket), p)),
  } satisfies Partial<CommandsOf<AgentCommands>>;
}
