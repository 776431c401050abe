// Context panel: the same customer's other conversations. E-mails and order numbers
// the visitor wrote are offered for attaching; once attached they link this chat to earlier
// ones with the same clue (the visitor token links them already). A click opens one read-only.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CustomerHistoryItem } from '../../../protocol/types.js';
import { cluesFrom } from '../lib/customer-clues.js';
import { formatDay } from '../lib/format.js';
import type { Chat } from '../state/console-state.js';
import type { ConsoleCommands } from '../state/use-console.js';
import { LangBadge } from './lang-badge.js';
import { TagBadge } from './tag-badge.js';
import { IdentityDetails } from './identity-badge.js';

const MATCH = { visitor: 'same browser', email: 'same e-mail', order: 'same order' } as const;
type Clue = { email: string } | { order: string };
const clueKey = (c: Clue) => ('email' in c ? `e:${c.email}` : `o:${c.order}`);

export function CustomerSection({ chat, canAct, commands }: { chat: Chat; canAct: boolean; commands: ConsoleCommands }) {
  const c = chat.summary;
  const linked = c.customer ?? { emails: [], orders: [] };
  const [dismissed, setDismissed] = useState<Set<string>>(new Set());
  const [history, setHistory] = useState<CustomerHistoryItem[] | null>(null);

  const clues = useMemo(() => cluesFrom(chat.messages), [chat.messages]);
  // The e-mail the visitor left is offered like any other clue: typed by them, so not verified.
  const emails = c.contactEmail && !clues.emails.includes(c.contactEmail) ? [c.contactEmail, ...clues.emails] : clues.emails;
  const offers: Clue[] = [
    ...emails.filter((e) => !linked.emails.includes(e)).map((email) => ({ email })),
    ...clues.orders.filter((o) => !linked.orders.includes(o)).map((order) => ({ order })),
  ].filter((o) => !dismissed.has(clueKey(o)));

  const linkKey = `${linked.emails.join(',')}|${linked.orders.join(',')}`;
  useEffect(() => {
    let live = true;
    void commands.history(c.id).then((h) => live && setHistory(h));
    return () => {
      live = false;
    };
  }, [c.id, linkKey, commands]);

  return (
    <section class="ctx" data-bulle="ctx-customer">
      <h3 class="ctx__title">Customer</h3>
      <IdentityDetails identity={c.identity} />
      {linked.emails.length + linked.orders.length > 0 && (
        <ul class="ctx__chips" data-bulle="customer-links">
          {linked.emails.map((e) => (
            <li key={e} class="chip chip--static">✉ {e}</li>
          ))}
          {linked.orders.map((o) => (
            <li key={o} class="chip chip--static"># {o}</li>
          ))}
        </ul>
      )}
      {canAct &&
        offers.map((o) => (
          <div key={clueKey(o)} class="offer" data-bulle="customer-offer">
            <span>
              Attach {'email' in o ? 'e-mail' : 'order'} <strong>{'email' in o ? o.email : o.order}</strong> to this customer?
            </span>
            <span class="offer__actions">
              <button type="button" class="btn btn--sm btn--primary" data-bulle="customer-attach" onClick={() => void commands.link(c.id, o)}>
                Attach
              </button>
              <button
                type="button"
                class="btn btn--sm btn--ghost"
                aria-label="Not this one"
                onClick={() => setDismissed(new Set([...dismissed, clueKey(o)]))}
              >
                ×
              </button>
            </span>
          </div>
        ))}
      <h4 class="ctx__subtitle">
        Earlier conversations <span class="count">{history?.length ?? '…'}</span>
      </h4>
      {history === null ? (
        <p class="ctx__empty">Loading…</p>
      ) : history.length === 0 ? (
        <p class="ctx__empty">None found. Attaching an e-mail or an order number may find some.</p>
      ) : (
        <ul class="ctx__history">
          {history.map(({ conversation: h, matchedBy }) => (
            <li key={h.id}>
              <button type="button" class="history-item" data-bulle="history-item" data-id={h.id} onClick={() => void commands.preview(h.id)}>
                <span class="item__row">
                  <LangBadge lang={h.lang} />
                  <span>{formatDay(h.closedAt ?? h.createdAt)}</span>
                  <span class={`status status--${h.status}`}>{h.status}</span>
                  {h.tag && <TagBadge tag={h.tag} resolved={h.resolved} />}
                </span>
                <span class="item__preview">{h.firstMessage || '…'}</span>
                <span class="muted">{matchedBy.map((m) => MATCH[m]).join(' · ')}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
