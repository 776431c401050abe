// The site's unanswered questions (issue #3): what the bot stepped aside on, and answers a visitor
// said did not help, newest first, with the best FAQ candidate the bot had. Text only, never HTML.
import { useEffect, useState } from 'preact/hooks';
import type { UnansweredItem } from '../../../server/protocol/types.js';
import { formatClock, formatDay } from '../lib/format.js';
import { Dialog } from './dialog.js';

interface Props {
  load(): Promise<UnansweredItem[] | null>;
  onClose(): void;
}

const REASON = { 'stepped-aside': 'Bot stepped aside', unhelpful: 'Marked unhelpful' } as const;

export function UnansweredDialog({ load, onClose }: Props) {
  const [items, setItems] = useState<UnansweredItem[] | null | undefined>(undefined);
  useEffect(() => {
    void load().then(setItems);
  }, [load]);
  return (
    <Dialog title="Unanswered questions" bulle="unanswered" onCancel={onClose} wide>
      {items === undefined && <p class="panel__hint">Loading…</p>}
      {items === null && <p class="panel__hint">Could not load the list.</p>}
      {items?.length === 0 && <p class="panel__hint">Nothing yet: every question got an answer that helped.</p>}
      {items && items.length > 0 && (
        <ul class="unanswered">
          {items.map((i) => (
            <li key={i.id} data-bulle="unanswered-item" data-reason={i.reason}>
              <div class="unanswered__text">{i.text || '(no question text)'}</div>
              <div class="panel__hint">
                {i.lang.toUpperCase()} · {formatDay(i.at)} {formatClock(i.at)} · {REASON[i.reason]}
                {i.best ? ` · best match ${i.best.faqId} (${Math.round(i.best.confidence * 100)} %)` : ' · no FAQ candidate'}
              </div>
            </li>
          ))}
        </ul>
      )}
      <div class="dialog__actions">
        <button type="button" class="btn" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
