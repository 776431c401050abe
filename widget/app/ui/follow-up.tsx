// News of a verified customer's order before they ask ("Your order 48213 has shipped with
// Colissimo", and the carrier's tracking link): beside the closed bubble like a proactive message
// (× puts it away), or atop the chat when the panel is open. Told to the server once on screen, so
// it does not come again.
import { useEffect } from 'preact/hooks';
import type { FollowUp } from '../../../protocol/types.js';
import type { ChatSession } from '../chat-state.js';
import { lang, t } from '../i18n.js';

export function FollowUpNote({ item, session, inList }: { item: FollowUp; session: ChatSession; inList?: boolean }) {
  useEffect(() => session.followUpShown(item.eventId), [session, item.eventId]);
  const link = item.link;
  const body = (
    <>
      {item.text}
      {/* Built by the server from its carriers' table; https only all the same. */}
      {link && /^https:\/\//.test(link.url) && (
        <p class="qr">
          <a href={link.url} target="_blank" rel="noopener noreferrer" data-bulle="follow-up-link">
            {link.label}
          </a>
        </p>
      )}
    </>
  );
  return inList ? (
    <li class="msg bot" data-bulle="follow-up-message">
      {body}
    </li>
  ) : (
    <div class="teaser" role="status" data-bulle="follow-up">
      <button type="button" class="x" lang={lang} aria-label={t.close} data-bulle="follow-up-dismiss" onClick={() => session.followUpDone(item.eventId)}>
        ×
      </button>
      {body}
    </div>
  );
}
