// Context panel: the visitor (local time, device, languages, detected language) and the pages
// of this visit, from what the widget reported (ConversationSummary.visit) and the messages.
import { useContext } from 'preact/hooks';
import type { PageInfo } from '../../../protocol/types.js';
import { parseUserAgent } from '../lib/device.js';
import { formatClock, languageName } from '../lib/format.js';
import { localTime } from '../lib/local-time.js';
import { pageHref } from '../lib/safe-url.js';
import { PageOrigins } from '../lib/page-origins.js';
import { useNow } from '../lib/use-now.js';
import type { Chat } from '../state/console-state.js';
import type { ConsoleCommands } from '../state/use-console.js';

interface VisitorProps {
  chat: Chat;
  siteLanguages: string[];
  canAct: boolean;
  commands: ConsoleCommands;
}

export function VisitorSection({ chat, siteLanguages, canAct, commands }: VisitorProps) {
  const now = useNow(30_000);
  const c = chat.summary;
  const visit = c.visit;
  const device = parseUserAgent(visit?.userAgent);
  const time = localTime(visit?.timeZone, now);
  const referrer = visit?.referrer;
  return (
    <section class="ctx" data-bulle="ctx-visitor">
      <h3 class="ctx__title">Visitor</h3>
      <dl class="ctx__facts">
        <dt>Local time</dt>
        <dd data-bulle="ctx-local-time">{time ? `${time} · ${visit!.timeZone}` : 'unknown'}</dd>
        <dt>Device</dt>
        <dd data-bulle="ctx-device">{device ? `${cap(device.kind)} · ${device.browser} on ${device.os}` : 'unknown'}</dd>
        <dt>Browser languages</dt>
        <dd>{c.visitorLanguages.length ? c.visitorLanguages.join(', ') : 'unknown'}</dd>
        <dt>Language</dt>
        <dd>
          {canAct && c.status !== 'closed' ? (
            <select
              class="ctx__select"
              data-bulle="ctx-lang"
              aria-label="Conversation language"
              value={c.lang}
              onChange={(e) => void commands.setLang(c.id, e.currentTarget.value)}
            >
              {(siteLanguages.includes(c.lang) ? siteLanguages : [c.lang, ...siteLanguages]).map((l) => (
                <option key={l} value={l}>
                  {languageName(l)} ({l})
                </option>
              ))}
            </select>
          ) : (
            `${languageName(c.lang)} (${c.lang})`
          )}
          {visit?.pageLang && <span class="muted"> · page in {visit.pageLang}</span>}
        </dd>
        {c.contactEmail && (
          <>
            <dt>E-mail left</dt>
            <dd>
              {c.contactEmail} <span class="muted">(typed by the visitor, not verified)</span>
            </dd>
          </>
        )}
        <dt>Came from</dt>
        <dd class="ctx__ellipsis" title={referrer}>
          {referrer ? <PageLink page={{ url: referrer, title: hostOf(referrer) }} /> : 'direct or unknown'}
        </dd>
      </dl>
    </section>
  );
}

/** The pages of this visit, newest first; before the widget reports a visit, the pages messages were sent from. */
export function PagesSection({ chat }: { chat: Chat }) {
  const c = chat.summary;
  const pages: (PageInfo & { at: number })[] = c.visit?.pages.length
    ? [...c.visit.pages].reverse()
    : chat.messages.filter((m) => m.page).map((m) => ({ ...m.page!, at: m.createdAt })).reverse();
  const current = pages[0] ?? (c.lastPage ? { ...c.lastPage, at: c.updatedAt } : undefined);
  return (
    <section class="ctx" data-bulle="ctx-pages">
      <h3 class="ctx__title">
        Pages <span class="count">{pages.length}</span>
      </h3>
      {!current ? (
        <p class="ctx__empty">No page reported yet.</p>
      ) : (
        <ol class="ctx__pages">
          {(pages.length ? pages : [current]).map((p, i) => (
            <li key={`${p.at}-${i}`} class={i === 0 ? 'is-current' : ''}>
              <PageLink page={p} />
              <span class="muted">{i === 0 ? 'now · ' : ''}{formatClock(p.at)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function PageLink({ page }: { page: PageInfo }) {
  const href = pageHref(page.url, useContext(PageOrigins));
  const label = page.title || page.url;
  return href ? (
    <a href={href} target="_blank" rel="noopener noreferrer" title={page.url}>
      {label}
    </a>
  ) : (
    <span title={page.url}>{label}</span>
  );
}

const cap = (s: string) => s.slice(0, 1).toUpperCase() + s.slice(1);
function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}
