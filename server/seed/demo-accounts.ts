// Demo accounts are recognised by their e-mail domain: their passwords are printed in the README,
// so anyone can log in with them. Production refuses to start while one is left (plugins/storage.ts),
// and the console shows a banner while any exists (routes/agent-auth.ts).
import type { ChatStore } from '../storage/chat-store.js';
import type { AgentRecord } from '../storage/records.js';

export const DEMO_EMAIL_DOMAIN = '@demo.bulle.chat';

export const isDemoAgent = (agent: Pick<AgentRecord, 'email'>): boolean => agent.email.toLowerCase().endsWith(DEMO_EMAIL_DOMAIN);

export async function demoAgentsIn(store: ChatStore): Promise<AgentRecord[]> {
  const found: AgentRecord[] = [];
  for (const site of await store.listSites()) for (const agent of await store.listAgents(site.id)) if (isDemoAgent(agent)) found.push(agent);
  return found;
}

/** Why a production start stops: which accounts, and the two ways on. */
export function demoAgentsRefusal(agents: AgentRecord[], dataDir: string | null): string {
  return [
    `Refusing to start in production mode: the store${dataDir ? ` in ${dataDir}` : ''} holds ${agents.length} demo agent(s) whose passwords are public:`,
    ...agents.map((a) => `  ${a.email}`),
    'Start from an empty data folder (move this one aside, then `npm run setup` or open the setup link),',
    'or, to start anyway (a trial), set BULLE_ALLOW_DEMO_AGENTS=true.',
  ].join('\n');
}
