// The query of GET /api/admin/stats and /api/admin/conversations.csv → a store filter.
import { ERR } from '../../../protocol/events.js';
import type { StatsQuery } from '../../../protocol/schemas.js';
import type { StatsFilter } from '../../storage/records.js';
import { AppError } from '../app-error.js';

const DAY_MS = 86_400_000;
/** A year and a day: enough for a yearly report, bounded so one request cannot scan forever. */
const MAX_DAYS = 367;

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Without dates: the last 30 UTC days, today included. */
export function statsFilter(siteId: string, q: StatsQuery, now = Date.now()): StatsFilter {
  const to = q.to ?? day(now);
  const from = q.from ?? day(Date.parse(`${to}T00:00:00Z`) - 29 * DAY_MS);
  const [start, end] = [Date.parse(`${from}T00:00:00Z`), Date.parse(`${to}T00:00:00Z`)];
  if (Number.isNaN(start) || Number.isNaN(end)) throw new AppError(ERR.badPayload, 'from, to: not a date (YYYY-MM-DD)');
  if (start > end) throw new AppError(ERR.badPayload, 'from: after to');
  if ((end - start) / DAY_MS + 1 > MAX_DAYS) throw new AppError(ERR.badPayload, `from, to: at most ${MAX_DAYS} days`);
  return { siteId, from, to, ...(q.lang ? { lang: q.lang.toLowerCase() } : {}), ...(q.tag ? { tag: q.tag } : {}), ...(q.agentId ? { agentId: q.agentId } : {}) };
}
