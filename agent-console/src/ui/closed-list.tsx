// Recently closed chats (mine; the whole site's for an admin), loaded when first opened and
// page by page after that. Clicking one opens it read-only.
import { useState } from 'preact/hooks';
import type { ConversationSummary } from '../../../protocol/types.js';
import { formatDay } from '../lib/format.js';
import type { ConsoleCommands } from '../state/use-console.js';
import { LangBadge } from './lang-badge.js';
import { SiteBadge } from './site-badge.js';
import { TagBadge } from './tag-badge.js';
import { RatingBadge } from './rating-badge.js';

interface Props {
  closed: ConversationSummary[];
  cursor: string | null | undefined;
  selectedId: string | null;
  commands: ConsoleCommands;
}

export function ClosedList({ closed, cursor, selectedId, commands }: Props) {
  const [open, setOpen] = useState(false);
  const [loading, setLoading] = useState(false);
  const load = async (more: boolean) => {
    setLoading(true);
    await commands.loadClosed(more);
    setLoading(false);
  };
  const toggle = () => {
    setOpen(!open);
    if (!open && cursor === undefined) void load(false);
  };
  return (
    <section class="panel" data-bulle="closed">
      <h2 class="panel__title">
        <button type="button" class="panel__toggle" aria-expanded={open} onClick={toggle} data-bulle="closed-toggle">
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> Closed
        </button>
        {closed.length > 0 && <span class="count">{closed.length}</span>}
      </h2>
      {open && (
        <>
          {closed.length === 0 && !loading && <p class="panel__empty">No closed chats yet.</p>}
          <ul class="list">
            {closed.map((c) => (
              <li key={c.id} class={`item is-closed${c.id === selectedId ? ' is-selected' : ''}`} data-bulle="closed-item" data-id={c.id}>
                <button type="button" class="item__main" onClick={() => void commands.preview(c.id)}>
                  <span class="item__row">
                    <LangBadge lang={c.lang} />
                    <SiteBadge siteId={c.siteId} />
                    {c.tag && <TagBadge tag={c.tag} resolved={c.resolved} />}
                    {c.rating && <RatingBadge rating={c.rating} />}
                    <span class="item__time">{formatDay(c.closedAt ?? c.updatedAt)}</span>
                  </span>
                  <span class="item__preview">{c.firstMessage || '…'}</span>
                </button>
              </li>
            ))}
          </ul>
          {loading && <p class="panel__empty">Loading…</p>}
          {cursor && !loading && (
            <button type="button" class="link-btn panel__more" onClick={() => void load(true)}>
              Load more
            </button>
          )}
        </>
      )}
    </section>
  );
}
