// The wire contract's runtime half: event names and error codes.
// Widget, console and server import this file, so it must stay dependency-free and tiny
// (it ships inside the widget's 20 KB budget). Schemas live in ./schemas.ts (server only).

/** Socket.IO namespaces. */
export const NS = {
  visitor: '/visitor',
  agent: '/agent',
} as const;

/** Commands a visitor's widget sends (client → server, always acknowledged). */
export const VISITOR_CMD = {
  messageSend: 'message:send',
  handoffRequest: 'handoff:request',
  conversationSync: 'conversation:sync',
  conversationRead: 'conversation:read',
  typingSet: 'typing:set',
  // An e-mail when nobody is available, and the visit around the chat (context panel).
  contactSet: 'contact:set',
  visitUpdate: 'visit:update',
  // "Did this help?" on a bot answer, and the visitor's own choice of language.
  feedbackSend: 'feedback:send',
  conversationSetLang: 'conversation:set-lang',
  // Ending the chat, rating it once it ended, and its transcript by e-mail (when the server sends mail).
  conversationEnd: 'conversation:end',
  ratingSend: 'rating:send',
  transcriptSend: 'transcript:send',
  // The shop's page says who its logged-in customer is (window.Bulle.identify), signed by the shop's server.
  visitorIdentify: 'visitor:identify',
  // The widget showed a follow-up about the customer's order (sent with the identify ack): not again.
  followUpShown: 'followup:shown',
} as const;

/** Commands an agent's console sends (client → server, always acknowledged). */
export const AGENT_CMD = {
  queueList: 'queue:list',
  conversationClaim: 'conversation:claim',
  conversationOpen: 'conversation:open',
  conversationClose: 'conversation:close',
  messageSend: 'message:send',
  typingSet: 'typing:set',
  // The agent workspace.
  conversationsList: 'conversations:list',
  noteAdd: 'note:add',
  conversationSetLang: 'conversation:set-lang',
  conversationLink: 'conversation:link',
  customerHistory: 'customer:history',
  cannedList: 'canned:list',
  cannedSave: 'canned:save',
  cannedDelete: 'canned:delete',
  tagsList: 'tags:list',
  // Routing.
  presenceSet: 'presence:set',
  conversationTransfer: 'conversation:transfer',
  siteMode: 'site:mode',
  agentsList: 'agents:list',
  // Topics and skills: what a chat is about, and who is best placed to take it.
  conversationSetTopic: 'conversation:set-topic',
  topicsList: 'topics:list',
  topicSet: 'topic:set',
  agentSetSkills: 'agent:set-skills',
  // Questions the bot stepped aside on or whose answer did not help.
  unansweredList: 'unanswered:list',
  // The FAQ learns from the unanswered list: phrasings and new entries added from the console.
  faqEntries: 'faq:entries',
  faqAttach: 'faq:attach',
  faqDraft: 'faq:draft',
  faqConfirm: 'faq:confirm',
  faqDismiss: 'faq:dismiss',
} as const;

/** Facts the server pushes (server → client), past tense. */
export const SERVER_EVT = {
  messageCreated: 'message:created',
  conversationUpdated: 'conversation:updated',
  queueAdded: 'queue:added',
  queueRemoved: 'queue:removed',
  typingChanged: 'typing:changed',
  // Routing: to the waiting visitor, and to agents.
  queuePosition: 'queue:position',
  conversationAssigned: 'conversation:assigned',
  presenceChanged: 'presence:changed',
  modeChanged: 'mode:changed',
} as const;

/** A `conversation:sync` page: at most this many messages… */
export const SYNC_PAGE_MESSAGES = 100;
/** …and about this many bytes of JSON (always at least one message). */
export const SYNC_PAGE_BYTES = 256 * 1024;

/** Error codes carried in `{ ok: false, error: { code, message } }` acks and connect errors. */
export const ERR = {
  badPayload: 'BAD_PAYLOAD',
  unauthorized: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  notFound: 'NOT_FOUND',
  conflict: 'CONFLICT',
  unknownSite: 'UNKNOWN_SITE',
  badOrigin: 'BAD_ORIGIN',
  rateLimited: 'RATE_LIMITED',
  internal: 'INTERNAL',
  // visitor:identify on a site that requires signed identity: unsigned, or a signature that does not verify.
  identityRequired: 'IDENTITY_REQUIRED',
  badSignature: 'BAD_SIGNATURE',
} as const;

export type ErrorCode = (typeof ERR)[keyof typeof ERR];
