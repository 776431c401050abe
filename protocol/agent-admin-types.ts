// What the agents admin answers (GET/POST/PATCH /api/admin/agents). Type-only.
import type { AgentLevel, Lang } from './conversation-types.js';

export interface AdminAgent {
  id: string;
  name: string;
  email: string;
  role: 'agent' | 'admin';
  languages: Lang[];
  /** null = the server's default. */
  maxChats: number | null;
  /** null = every topic. */
  skills: string[] | null;
  level: AgentLevel;
  /** Where their console opens, first; then every other site they work on. */
  siteIds: string[];
  disabled: boolean;
  createdAt: number;
}

export interface AdminAgentsList {
  agents: AdminAgent[];
  /** The sites the admin may put agents on. */
  sites: { id: string; name: string }[];
}

/** A new agent, with their first password: shown this once, never stored in clear nor sent again. */
export interface AgentCreated {
  agent: AdminAgent;
  password: string;
}
