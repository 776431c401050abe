// News of a verified customer's order beside the closed bubble, before they ask ("Your order
// 48213 has shipped with Colissimo", and the carrier's tracking link): shown like a proactive
// message, told to the server once on screen so it does not come again, × puts it away.
import { useEffect } from 'preact/hooks';
import type { FollowUp } from '../../../protocol/types.js';
import type { ChatSession } from '../chat-state.js';
import { lang, t } from '../i18n.js';

export function FollowUpNote({ item, session }: { item: FollowUp; session: ChatSession }) {
  useEffect(() => session.followUpShown(item.eventId), [session, item.eventId]);
  const link = item.link;
  return (
    <div class="teaser" role="status" data-bulle="follow-up">
      <button type="button" class="x" lang={lang} aria-label={t.close} data-bulle="follow-up-dismiss" onClick={() => session.followUpDone(item.eventId)}>
        ×
      </button>
      {item.text}
      {/* Built by the server from its carriers' table; https only all the same. */}
      {link && /^https:\/\//.test(link.url) && (
        <p class="qr">
          <a href={link.url} target="_blank" rel="noopener noreferrer" data-bulle="follow-up-link">
            {link.label}
          </a>
        </p>
      )}
    </div>
  );
}
