// Which sites an agent works on: their own (`siteId`, where their console opens) and any an
// admin added them to (`siteIds`).
import type { AgentRecord } from '../../storage/records.js';

export const agentSiteIds = (agent: Pick<AgentRecord, 'siteId' | 'siteIds'>): string[] => [
  agent.siteId,
  ...(agent.siteIds ?? []).filter((id) => id !== agent.siteId),
];

export const worksOn = (agent: Pick<AgentRecord, 'siteId' | 'siteIds'>, siteId: string): boolean => agentSiteIds(agent).includes(siteId);
