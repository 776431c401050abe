// GET /api/admin/stats, and the CSV export's address for the same filters.
import { ERR } from '../../../protocol/events.js';
import type { AckError, StatsResult } from '../../../protocol/types.js';

export interface StatsFilters {
  from: string;
  to: string;
  lang: string;
  tag: string;
  agentId: string;
}

export function statsQuery(f: StatsFilters): string {
  const q = new URLSearchParams({ from: f.from, to: f.to });
  if (f.lang) q.set('lang', f.lang);
  if (f.tag) q.set('tag', f.tag);
  if (f.agentId) q.set('agentId', f.agentId);
  return q.toString();
}

export const csvUrl = (f: StatsFilters) => `/api/admin/conversations.csv?${statsQuery(f)}`;

export async function fetchStats(f: StatsFilters): Promise<StatsResult> {
  const res = await fetch(`/api/admin/stats?${statsQuery(f)}`, { credentials: 'same-origin' }).catch(() => null);
  if (!res) throw new Error('Cannot reach the server. Check your connection.');
  const json = (await res.json().catch(() => null)) as (StatsResult & { error?: AckError }) | null;
  if (!res.ok || !json) throw new Error(json?.error?.message ?? `${ERR.internal} (${res.status})`);
  return json;
}
