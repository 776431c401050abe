// Room names: the only cross-server state (with the store), so any Socket.IO adapter works.
export const rooms = {
  visitor: (visitorId: string) => `visitor:${visitorId}`,
  agent: (agentId: string) => `agent:${agentId}`,
  conversation: (conversationId: string) => `conversation:${conversationId}`,
  language: (siteId: string, lang: string) => `lang:${siteId}:${lang}`,
  siteAgents: (siteId: string) => `agents:${siteId}`,
  /** The site's admins, who may follow any of its conversations. */
  siteAdmins: (siteId: string) => `admins:${siteId}`,
  /** Every console tab opened with one log-in: a logout closes them all, on any server. */
  session: (tokenHash: string) => `session:${tokenHash}`,
};
