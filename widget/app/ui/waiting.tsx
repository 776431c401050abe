// While the chat waits for an agent: the place in line and an estimated wait, or —
// nobody available, or outside the shop's hours — a way to leave an e-mail for the answer,
// which the visitor then finds here when they come back (the loader's unread badge).
import type { QueuePosition } from '../../../protocol/types.js';
import type { ChatSession } from '../chat-state.js';
import { t } from '../i18n.js';

interface Props {
  queue: QueuePosition;
  email?: string;
  session: ChatSession;
}

export function Waiting({ queue, email, session }: Props) {
  const wait = queue.estimatedWaitMs;
  if (queue.available) {
    return (
      <p class="note" role="status" data-bulle="queue">
        {t.position.replace('{n}', '' + queue.position)}
        {wait !== null && ' · ' + t.wait.replace('{m}', '' + Math.max(1, Math.round(wait / 6e4)))}
      </p>
    );
  }
  return (
    <div class="note" role="status" data-bulle="offline">
      {t.offline}
      {email ? (
        <p data-bulle="email-saved">{t.saved}</p>
      ) : (
        <form
          role="none"
          class="mail"
          onSubmit={(e) => {
            e.preventDefault();
            void session.setEmail((e.currentTarget.elements[0] as HTMLInputElement).value.trim());
          }}
        >
          <input type="email" required maxLength={254} placeholder={t.email} aria-label={t.email} data-bulle="email" />
          <button class="send" data-bulle="email-send">
            {t.send}
          </button>
        </form>
      )}
    </div>
  );
}
