// The numbers page (admins): filters, the figures with their definitions, charts over the days,
// the FAQ entries' table and the CSV export — the same numbers as GET /api/admin/stats.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AgentListItem, StatsResult } from '../../../protocol/types.js';
import { ChartBox } from './charts.js';
import { DEFINITIONS as D } from './definitions.js';
import { csvUrl, fetchStats, type StatsFilters } from './stats-api.js';
import './dashboard.css';

interface Props {
  languages: string[];
  tags: string[];
  loadAgents(): Promise<{ agents: AgentListItem[] } | null>;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10} %`);

/** 90 s → "1.5 min"; hours and days past those. */
export function duration(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 6_000) / 10} min`;
  if (ms < 86_400_000) return `${Math.round(ms / 360_000) / 10} h`;
  return `${Math.round(ms / 8_640_000) / 10} d`;
}

export function Dashboard({ languages, tags, loadAgents }: Props) {
  const [filters, setFilters] = useState<StatsFilters>(() => ({ from: day(Date.now() - 29 * 86_400_000), to: day(Date.now()), lang: '', tag: '', agentId: '' }));
  const [stats, setStats] = useState<StatsResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [agents, setAgents] = useState<AgentListItem[]>([]);

  // Once: the agent list only fills the filter.
  useEffect(() => void loadAgents().then((r) => r && setAgents(r.agents)), []);
  useEffect(() => {
    let live = true;
    setError(null);
    fetchStats(filters).then(
      (s) => live && setStats(s),
      (err: Error) => live && setError(err.message),
    );
    return () => void (live = false);
  }, [filters]);

  const set = (k: keyof StatsFilters) => (e: Event) => setFilters({ ...filters, [k]: (e.currentTarget as HTMLInputElement).value });
  const days = useMemo(() => stats?.byDay.map((d) => d.day.slice(5)) ?? [], [stats]);
  const daySeries = useMemo(
    () =>
      stats
        ? [
            { label: 'Conversations', data: stats.byDay.map((d) => d.conversations), color: '#4f46e5' },
            { label: 'Settled by the bot', data: stats.byDay.map((d) => d.deflected), color: '#059669' },
            { label: 'Hand-offs', data: stats.byDay.map((d) => d.handoffs), color: '#d97706' },
            { label: 'Unanswered', data: stats.byDay.map((d) => d.unanswered), color: '#dc2626' },
          ]
        : [],
    [stats],
  );
  const ratingLabels = useMemo(() => ['1', '2', '3', '4', '5'], []);
  const ratingSeries = useMemo(() => (stats ? [{ label: 'Ratings', data: ratingLabels.map((k) => stats.rating.distribution[k as '1']), color: '#b45309' }] : []), [stats, ratingLabels]);

  return (
    <div class="numbers" data-bulle="numbers">
      <form class="numbers__filters" role="search" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          From <input type="date" data-bulle="numbers-from" value={filters.from} max={filters.to} onChange={set('from')} />
        </label>
        <label>
          To <input type="date" data-bulle="numbers-to" value={filters.to} min={filters.from} onChange={set('to')} />
        </label>
        <label>
          Language
          <select data-bulle="numbers-lang" value={filters.lang} onChange={set('lang')}>
            <option value="">all</option>
            {languages.map((l) => (
              <option key={l} value={l}>
                {l.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tag
          <select data-bulle="numbers-tag" value={filters.tag} onChange={set('tag')}>
            <option value="">all</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          Agent
          <select data-bulle="numbers-agent" value={filters.agentId} onChange={set('agentId')}>
            <option value="">all</option>
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <a class="btn btn--primary" href={csvUrl(filters)} download data-bulle="numbers-export">
          Export CSV
        </a>
      </form>
      {error && (
        <p class="numbers__error" role="alert">
          {error}
        </p>
      )}
      {stats && (
        <>
          <dl class="kpis" data-bulle="kpis">
            <Kpi name="conversations" label="Conversations" value={String(stats.conversations)} def={D.conversations} />
            <Kpi name="deflection" label="Settled by the bot" value={pct(stats.deflectionRate)} sub={`${stats.deflected} conversations`} def={D.deflectionRate} />
            <Kpi name="handoffs" label="Hand-offs" value={String(stats.handoffs)} def={D.handoffs} />
            <Kpi name="first-response" label="First response" value={duration(stats.firstResponseMs.p50)} sub={`p90 ${duration(stats.firstResponseMs.p90)}`} def={D.firstResponse} />
            <Kpi name="resolution" label="Resolution time" value={duration(stats.resolutionMs.p50)} sub={`p90 ${duration(stats.resolutionMs.p90)}`} def={D.resolution} />
            <Kpi name="fcr" label="First-contact resolution" value={pct(stats.fcrRate)} sub={`${stats.firstContactResolved} of ${stats.closedByAgent} closed by agents`} def={D.fcrRate} />
            <Kpi
              name="rating"
              label="Rating"
              value={stats.rating.average === null ? '—' : `${Math.round(stats.rating.average * 100) / 100} / 5`}
              sub={`${stats.rating.count} ratings`}
              def={D.rating}
            />
            <Kpi name="precision" label="Bot precision" value={pct(stats.botPrecision)} def={D.botPrecision} />
            <Kpi name="unanswered" label="Unanswered questions" value={String(stats.unanswered)} def={D.unanswered} />
            <Kpi
              name="follow-ups"
              label="Order follow-ups shown"
              value={String(stats.followUps.shown)}
              sub={`of ${stats.followUps.sent} sent · ${stats.followUps.orderQuestionsAfter} order questions after`}
              def={D.followUps}
            />
          </dl>
          <section class="numbers__charts">
            <figure>
              <figcaption>By day (UTC)</figcaption>
              <ChartBox kind="line" labels={days} series={daySeries} label="Conversations, settled by the bot, hand-offs and unanswered questions per day" bulle="chart-days" />
            </figure>
            <figure>
              <figcaption>Ratings</figcaption>
              <ChartBox kind="bar" labels={ratingLabels} series={ratingSeries} label="How many ratings of each score, 1 to 5" bulle="chart-ratings" />
            </figure>
          </section>
          <section class="numbers__tables">
            <Counts title="By tag" def={D.byTag} rows={stats.byTag.map((r) => [r.tag, r.conversations])} bulle="by-tag" />
            <Counts title="By language" def={D.byLang} rows={stats.byLang.map((r) => [r.lang.toUpperCase(), r.conversations])} bulle="by-lang" />
            <div>
              <h3>FAQ entries</h3>
              <p class="def">{D.faq}</p>
              <table data-bulle="faq-table">
                <thead>
                  <tr>
                    <th scope="col">Entry</th>
                    <th scope="col">Answers</th>
                    <th scope="col">Helpful</th>
                    <th scope="col">Unhelpful</th>
                    <th scope="col">Precision</th>
                  </tr>
                </thead>
                <tbody>
                  {stats.faq.map((f) => (
                    <tr key={f.faqId}>
                      <th scope="row">{f.faqId}</th>
                      <td>{f.answers}</td>
                      <td>{f.helpful}</td>
                      <td>{f.unhelpful}</td>
                      <td>{pct(f.precision)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </div>
  );
}

function Kpi({ name, label, value, sub, def }: { name: string; label: string; value: string; sub?: string; def: string }) {
  return (
    <div class="kpi" data-bulle={`kpi-${name}`}>
      <dt>{label}</dt>
      <dd>
        <span class="kpi__value" data-bulle="kpi-value">
          {value}
        </span>
        {sub && <span class="kpi__sub">{sub}</span>}
        <span class="def">{def}</span>
      </dd>
    </div>
  );
}

function Counts({ title, def, rows, bulle }: { title: string; def: string; rows: [string, number][]; bulle: string }) {
  return (
    <div>
      <h3>{title}</h3>
      <p class="def">{def}</p>
      <table data-bulle={bulle}>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td>None</td>
            </tr>
          )}
          {rows.map(([k, n]) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td>{n}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
