// Topics and skills on the /agent namespace: an agent corrects a chat's topic; the site's
// topics are listed; admins set a topic's difficulty and an agent's skills and level.
import type { Socket } from 'socket.io';
import { AGENT_CMD } from '../../protocol/events.js';
import { AgentSetSkillsSchema, ConversationSetTopicSchema, EmptySchema, TopicSetSchema } from '../../protocol/schemas.js';
import type { SkillsService } from '../services/skills-service.js';
import type { AgentRecord } from '../storage/records.js';
import { cmd, type Command } from './command.js';

export function skillsCommands(skills: SkillsService, me: (socket: Socket) => Promise<AgentRecord>): Record<string, Command> {
  return {
    [AGENT_CMD.topicsList]: cmd(EmptySchema, async (socket) => skills.list(await me(socket))),
    [AGENT_CMD.conversationSetTopic]: cmd(ConversationSetTopicSchema, async (socket, p) => skills.setConversationTopic(await me(socket), p)),
    [AGENT_CMD.topicSet]: cmd(TopicSetSchema, async (socket, p) => skills.setTopic(await me(socket), p)),
    [AGENT_CMD.agentSetSkills]: cmd(AgentSetSkillsSchema, async (socket, p) => skills.setAgentSkills(await me(socket), p)),
  };
}
