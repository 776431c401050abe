// First start: a demo site with its FAQ and one agent per language (plus a multilingual admin),
// so `npm start` shows the whole loop. DEMO ONLY: these passwords are public (README).
import type { ChatStore } from '../storage/chat-store.js';
import type { AgentRecord, SiteRecord } from '../storage/records.js';
import { hashPassword, newId } from '../services/secrets.js';
import { DEFAULT_TAGS } from '../services/tags.js';
import { seedDemoCannedReplies } from './demo-canned-replies.js';

export const DEMO_SITE_ID = 'demo';

/** Agents without maxChats take BULLE_AGENT_MAX_CHATS (3) at once; Alex, the admin, takes 5. */
export const DEMO_AGENTS = [
  { name: 'Camille', email: 'camille@demo.bulle.chat', password: 'demo-camille', languages: ['fr'], role: 'agent' },
  { name: 'Sam', email: 'sam@demo.bulle.chat', password: 'demo-sam', languages: ['en'], role: 'agent' },
  { name: 'Lucía', email: 'lucia@demo.bulle.chat', password: 'demo-lucia', languages: ['es'], role: 'agent' },
  { name: 'Jonas', email: 'jonas@demo.bulle.chat', password: 'demo-jonas', languages: ['de'], role: 'agent' },
  { name: 'Alex', email: 'alex@demo.bulle.chat', password: 'demo-alex', languages: ['fr', 'en', 'es', 'de'], role: 'admin', maxChats: 5 },
] as const;

/** Returns true when it created the demo (the store had no site yet). */
export async function seedDemo(store: ChatStore): Promise<boolean> {
  if ((await store.listSites()).length > 0) return false;
  const now = Date.now();
  const site: SiteRecord = {
    id: DEMO_SITE_ID,
    name: 'Atelier Lune',
    languages: ['fr', 'en', 'es', 'de'],
    defaultLanguage: 'en',
    // The demo shop is served by this server, whose own pages are always allowed (plugins/origins.ts).
    allowedOrigins: [],
    faqDir: 'faq/data/demo',
    tags: [...DEFAULT_TAGS],
    assignment: 'automatic',
    createdAt: now,
  };
  await store.putSite(site);
  await seedDemoCannedReplies(store, site.id);
  for (const a of DEMO_AGENTS) {
    const agent: AgentRecord = {
      id: newId(),
      siteId: site.id,
      name: a.name,
      email: a.email,
      languages: [...a.languages],
      role: a.role,
      ...('maxChats' in a ? { maxChats: a.maxChats } : {}),
      passwordHash: await hashPassword(a.password),
      createdAt: now,
    };
    await store.putAgent(agent);
  }
  return true;
}
