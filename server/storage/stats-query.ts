// The numbers of a service desk over a date range (GET /api/admin/stats), computed from stored
// records: a pure function any store can call over its own conversations (a SQL store would
// compute the same in the database). Every number is defined in docs/numbers.md.
import type { FaqStats, Message, Percentiles, StatsDay, StatsResult } from '../../protocol/types.js';
import type { ConversationRecord, StatsFilter, UnansweredRecord } from './records.js';

const DAY_MS = 86_400_000;
/** A customer who comes back within this long after a close was not settled at first contact. */
export const FCR_WINDOW_MS = 7 * DAY_MS;

export interface StatsSource {
  /** Every conversation of the site (the FCR look-ahead needs those outside the range too). */
  conversations: readonly ConversationRecord[];
  /** A conversation's messages (only those in the range and filters are asked for). */
  messages(conversationId: string): readonly Message[];
  /** The site's unanswered questions. */
  unanswered: readonly UnansweredRecord[];
}

/** [start, end) in ms of the UTC days `from`..`to`, both included. */
export function rangeOf(filter: Pick<StatsFilter, 'from' | 'to'>): [number, number] {
  return [Date.parse(`${filter.from}T00:00:00Z`), Date.parse(`${filter.to}T00:00:00Z`) + DAY_MS];
}

/** The conversations the numbers are about: created in the range, matching the filters; oldest first. */
export function conversationsInScope(filter: StatsFilter, all: readonly ConversationRecord[]): ConversationRecord[] {
  const [start, end] = rangeOf(filter);
  return all
    .filter((c) => c.siteId === filter.siteId && c.createdAt >= start && c.createdAt < end && matches(filter, c))
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

function matches(filter: StatsFilter, c: ConversationRecord): boolean {
  if (filter.lang && c.lang !== filter.lang) return false;
  if (filter.tag && c.tag !== filter.tag) return false;
  if (filter.agentId && c.assignedAgentId !== filter.agentId) return false;
  return true;
}

/** Closed by a person (records from before `endedBy` existed: those with an outcome). */
export function closedByAgent(c: ConversationRecord): boolean {
  return c.status === 'closed' && (c.endedBy === 'agent' || (c.endedBy === undefined && c.resolved !== undefined));
}

/** Settled by the bot: it answered, nobody was asked for, and no answer was marked unhelpful. */
export function isDeflected(c: ConversationRecord, messages: readonly Message[]): boolean {
  if (c.handedOffAt !== undefined) return false;
  if (Object.values(c.feedback ?? {}).includes('unhelpful')) return false;
  return messages.some((m) => m.author === 'bot' && m.bot?.outcome === 'answer');
}

export function firstResponseMs(c: ConversationRecord): number | null {
  return c.handedOffAt !== undefined && c.firstAgentReplyAt !== undefined ? c.firstAgentReplyAt - c.handedOffAt : null;
}

export function resolutionMs(c: ConversationRecord): number | null {
  return c.status === 'closed' && c.resolved === true && c.closedAt !== undefined ? c.closedAt - c.createdAt : null;
}

/** Nearest rank: the smallest value with at least p % of the values at or below it. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function percentiles(values: number[]): Percentiles {
  const sorted = values.sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p90: percentile(sorted, 90) };
}

const ratio = (part: number, whole: number) => (whole ? part / whole : null);

/** Who a conversation belongs to: its visitor, and the e-mails and orders an agent attached. */
function customerKeys(c: ConversationRecord): string[] {
  return [`v:${c.visitorId}`, ...(c.customer?.emails ?? []).map((e) => `e:${e}`), ...(c.customer?.orders ?? []).map((o) => `o:${o}`)];
}

/** First-contact resolution: closed by a person as resolved, and the customer did not come back within 7 days. */
export function fcrChecker(all: readonly ConversationRecord[]): (c: ConversationRecord) => boolean {
  const byCustomer = new Map<string, ConversationRecord[]>();
  for (const c of all) for (const key of customerKeys(c)) (byCustomer.get(key) ?? byCustomer.set(key, []).get(key)!).push(c);
  return (c) => {
    if (!closedByAgent(c) || c.resolved !== true) return false;
    const closedAt = c.firstClosedAt ?? c.closedAt!;
    if (c.reopenedAt !== undefined && c.reopenedAt > closedAt - 1 && c.reopenedAt <= closedAt + FCR_WINDOW_MS) return false;
    const again = customerKeys(c).some((key) =>
      byCustomer.get(key)!.some((o) => o.id !== c.id && o.createdAt > closedAt && o.createdAt <= closedAt + FCR_WINDOW_MS),
    );
    return !again;
  };
}

export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Every number but the follow-ups' (follow-up-stats.ts), which each store adds. */
export function computeStats(filter: StatsFilter, source: StatsSource): Omit<StatsResult, 'followUps'> {
  const site = source.conversations.filter((c) => c.siteId === filter.siteId);
  const scope = conversationsInScope(filter, site);
  const [start, end] = rangeOf(filter);
  // By index from the range's first day: no date formatting per conversation.
  const days: StatsDay[] = [];
  for (let t = start; t < end; t += DAY_MS) days.push({ day: utcDay(t), conversations: 0, deflected: 0, handoffs: 0, unanswered: 0 });
  const dayOf = (ms: number) => days[Math.floor((ms - start) / DAY_MS)]!;
  const isFcr = fcrChecker(site);
  const faq = new Map<string, FaqStats>();
  const byTag = new Map<string, number>();
  const byLang = new Map<string, number>();
  const firstResponses: number[] = [];
  const resolutions: number[] = [];
  const distribution = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  let deflected = 0, handoffs = 0, closed = 0, fcr = 0, ratingSum = 0, ratingCount = 0;
  for (const c of scope) {
    const day = dayOf(c.createdAt);
    day.conversations++;
    const messages = source.messages(c.id);
    if (isDeflected(c, messages)) (deflected++, day.deflected++);
    if (c.handedOffAt !== undefined) (handoffs++, day.handoffs++);
    const first = firstResponseMs(c);
    if (first !== null) firstResponses.push(first);
    const resolution = resolutionMs(c);
    if (resolution !== null) resolutions.push(resolution);
    if (closedByAgent(c)) closed++;
    if (isFcr(c)) fcr++;
    if (c.rating) {
      ratingSum += c.rating.score;
      ratingCount++;
      distribution[String(c.rating.score) as keyof typeof distribution]++;
    }
    if (c.tag) byTag.set(c.tag, (byTag.get(c.tag) ?? 0) + 1);
    byLang.set(c.lang, (byLang.get(c.lang) ?? 0) + 1);
    for (const m of messages) {
      if (m.author !== 'bot' || m.bot?.outcome !== 'answer' || !m.bot.faqId) continue;
      const entry = faq.get(m.bot.faqId) ?? faq.set(m.bot.faqId, { faqId: m.bot.faqId, answers: 0, helpful: 0, unhelpful: 0, precision: null }).get(m.bot.faqId)!;
      entry.answers++;
      const said = c.feedback?.[m.seq];
      if (said === 'helpful') entry.helpful++;
      if (said === 'unhelpful') entry.unhelpful++;
    }
  }
  // Unanswered questions count on the day they were asked; a tag or agent filter keeps those of matching conversations.
  const byId = new Map(site.map((c) => [c.id, c]));
  let unanswered = 0;
  for (const u of source.unanswered) {
    if (u.siteId !== filter.siteId || u.at < start || u.at >= end) continue;
    if (filter.lang && u.lang !== filter.lang) continue;
    if (filter.tag || filter.agentId) {
      const c = byId.get(u.conversationId);
      if (!c || !matches({ ...filter, lang: undefined }, c)) continue;
    }
    unanswered++;
    dayOf(u.at).unanswered++;
  }
  let helpful = 0, unhelpful = 0;
  for (const e of faq.values()) {
    e.precision = ratio(e.helpful, e.helpful + e.unhelpful);
    helpful += e.helpful;
    unhelpful += e.unhelpful;
  }
  const counted = <K extends string>(m: Map<string, number>, key: K) =>
    [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k, n]) => ({ [key]: k, conversations: n }) as Record<K, string> & { conversations: number });
  return {
    range: { from: filter.from, to: filter.to },
    filters: { ...(filter.lang ? { lang: filter.lang } : {}), ...(filter.tag ? { tag: filter.tag } : {}), ...(filter.agentId ? { agentId: filter.agentId } : {}) },
    conversations: scope.length,
    deflected,
    deflectionRate: ratio(deflected, scope.length),
    handoffs,
    firstResponseMs: percentiles(firstResponses),
    resolutionMs: percentiles(resolutions),
    closedByAgent: closed,
    firstContactResolved: fcr,
    fcrRate: ratio(fcr, closed),
    rating: { average: ratingCount ? ratingSum / ratingCount : null, count: ratingCount, distribution },
    byTag: counted(byTag, 'tag'),
    byLang: counted(byLang, 'lang'),
    byDay: days,
    faq: [...faq.values()].sort((a, b) => b.answers - a.answers || (a.faqId < b.faqId ? -1 : 1)),
    botPrecision: ratio(helpful, helpful + unhelpful),
    unanswered,
  };
}
