// First start: a demo site with its FAQ and one agent per language (plus a multilingual admin),
// so `npm start` shows the whole loop. DEMO ONLY: these passwords are public (README).
import type { ChatStore } from '../storage/chat-store.js';
import type { AgentRecord, SiteRecord, SiteWelcome } from '../storage/records.js';
import { hashPassword, newId } from '../services/secrets.js';
import { DEFAULT_TAGS } from '../services/conversations/tags.js';
import { seedDemoCannedReplies } from './demo-canned-replies.js';
import { DEMO_APPEARANCE, DEMO_PROACTIVE } from './demo-widget.js';

export const DEMO_SITE_ID = 'demo';

/** Agents without maxChats take BULLE_AGENT_MAX_CHATS (3) at once; Alex, the admin, takes 5. */
export const DEMO_AGENTS = [
  { name: 'Camille', email: 'camille@demo.bulle.chat', password: 'demo-camille', languages: ['fr'], role: 'agent' },
  { name: 'Sam', email: 'sam@demo.bulle.chat', password: 'demo-sam', languages: ['en'], role: 'agent' },
  { name: 'Lucía', email: 'lucia@demo.bulle.chat', password: 'demo-lucia', languages: ['es'], role: 'agent' },
  { name: 'Jonas', email: 'jonas@demo.bulle.chat', password: 'demo-jonas', languages: ['de'], role: 'agent' },
  { name: 'Alex', email: 'alex@demo.bulle.chat', password: 'demo-alex', languages: ['fr', 'en', 'es', 'de'], role: 'admin', maxChats: 5 },
] as const;

/** What the widget shows on opening: Atelier Lune's greeting and its four commonest topics. */
export const DEMO_WELCOME: SiteWelcome = {
  messages: {
    fr: "Bonjour et bienvenue chez Atelier Lune ! Je réponds tout de suite aux questions fréquentes, et l'équipe prend le relais si besoin.",
    en: 'Hello and welcome to Atelier Lune! I answer the common questions straight away, and the team takes over when needed.',
    es: '¡Hola y bienvenido a Atelier Lune! Respondo al momento las preguntas frecuentes, y el equipo toma el relevo si hace falta.',
    de: 'Hallo und willkommen bei Atelier Lune! Häufige Fragen beantworte ich sofort, und bei Bedarf übernimmt das Team.',
  },
  topics: ['order-tracking', 'returns-policy', 'delivery-times', 'payment-methods'],
};

/** Returns true when it created the demo (the store had no site yet). */
export async function seedDemo(store: ChatStore): Promise<boolean> {
  if ((await store.listSites()).length > 0) return false;
  const now = Date.now();
  const site: SiteRecord = {
    id: DEMO_SITE_ID,
    name: 'Atelier Lune',
    languages: ['fr', 'en', 'es', 'de'],
    defaultLanguage: 'en',
    // The demo shop is served by this server, whose own pages are always allowed (sockets/origin-policy.ts).
    allowedOrigins: [],
    faqDir: 'faq/data/demo',
    tags: [...DEFAULT_TAGS],
    assignment: 'automatic',
    welcome: DEMO_WELCOME,
    appearance: DEMO_APPEARANCE,
    proactive: DEMO_PROACTIVE,
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
