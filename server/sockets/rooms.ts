// Room names: the only cross-server state (with the store), so any Socket.IO adapter works.
export const rooms = {
  visitor: (visitorId: string) => `visitor:${visitorId}`,
  agent: (agentId: string) => `agent:${agentId}`,
  conversation: (conversationId: string) => `conversation:${conversationId}`,
  language: (siteId: string, lang: string) => `lang:${siteId}:${lang}`,
  siteAgents: (siteId: string) => `agents:${siteId}`,
};
