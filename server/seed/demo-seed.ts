// First start: a demo site with its FAQ and one agent per language (plus a multilingual admin),
// so `npm start` shows the whole loop. DEMO ONLY: these passwords are public (README).
import type { ChatStore } from '../storage/chat-store.js';
import type { SiteTopic } from '../../protocol/types.js';
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
  // Routing by topic (docs/routing-skills.md): a trainee on the simple topics, an expert on the hard ones.
  { name: 'Margaux', email: 'margaux@demo.bulle.chat', password: 'demo-margaux', languages: ['fr'], role: 'agent', level: 'trainee', skills: ['orders', 'delivery', 'returns', 'product', 'account'] },
  { name: 'Hugo', email: 'hugo@demo.bulle.chat', password: 'demo-hugo', languages: ['fr'], role: 'agent', level: 'expert', skills: ['complaint', 'payment', 'returns', 'orders'] },
] as const;

/**
 * The demo's topics (the FAQ files and faq/data/demo/topics.json name them): each with the closing
 * tag pre-selected for it and its difficulty — simple ones go to trainees first, complex ones to experts.
 */
export const DEMO_TOPICS: SiteTopic[] = [
  { id: 'orders', tag: 'order-status', difficulty: 'simple' },
  { id: 'delivery', tag: 'delivery', difficulty: 'simple' },
  { id: 'returns', tag: 'returns', difficulty: 'simple' },
  { id: 'product', tag: 'product-question', difficulty: 'simple' },
  { id: 'account', tag: 'other', difficulty: 'simple' },
  { id: 'payment', tag: 'payment', difficulty: 'complex' },
  { id: 'complaint', tag: 'complaint', difficulty: 'complex' },
];

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
    topics: DEMO_TOPICS.map((t) => ({ ...t })),
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
      ...('skills' in a ? { skills: [...a.skills] } : {}),
      ...('level' in a ? { level: a.level } : {}),
      passwordHash: await hashPassword(a.password),
      createdAt: now,
    };
    await store.putAgent(agent);
  }
  return true;
}
