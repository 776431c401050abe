// Once the chat ended (the visitor's "End chat" or the agent's close): a rating from 1 to 5 with
// an optional comment, given once, and — when the server sends e-mail — the transcript by e-mail.
import { useState } from 'preact/hooks';
import type { VisitorConversation } from '../../../protocol/types.js';
import type { ChatSession } from '../chat-state.js';
import { t } from '../i18n.js';

interface Props {
  conversation: VisitorConversation;
  mail: boolean;
  session: ChatSession;
}

export function Ended({ conversation, mail, session }: Props) {
  const [score, setScore] = useState(0);
  const [mailed, setMailed] = useState(false);
  return (
    <div class="note ended" data-bulle="ended">
      {conversation.rating ? (
        <p role="status" data-bulle="rated">
          {t.rated}
        </p>
      ) : (
        <form
          role="none"
          data-bulle="rating"
          onSubmit={(e) => {
            e.preventDefault();
            if (score) void session.rate(score, (e.currentTarget.elements.namedItem('c') as HTMLInputElement).value.trim());
          }}
        >
          <span id="bulle-rate">{t.rate}</span>
          <span class="stars" role="radiogroup" aria-labelledby="bulle-rate">
            {[1, 2, 3, 4, 5].map((n) => (
              <button
                key={n}
                type="button"
                role="radio"
                aria-checked={score === n}
                aria-label={t.stars.replace('{n}', '' + n)}
                class={n <= score ? 'on' : ''}
                data-bulle={`star-${n}`}
                onClick={() => setScore(n)}
              >
                ★
              </button>
            ))}
          </span>
          <span class="mail">
            <input name="c" maxLength={1000} placeholder={t.comment} aria-label={t.comment} data-bulle="rating-comment" />
            <button class="send" disabled={!score} data-bulle="rating-send">
              {t.send}
            </button>
          </span>
        </form>
      )}
      {mail &&
        (mailed ? (
          <p role="status" data-bulle="transcript-sent">
            {t.mailed}
          </p>
        ) : (
          <form
            role="none"
            class="mail"
            data-bulle="transcript"
            onSubmit={async (e) => {
              e.preventDefault();
              setMailed(await session.mailTranscript((e.currentTarget.elements[0] as HTMLInputElement).value.trim()));
            }}
          >
            <input type="email" required maxLength={254} defaultValue={conversation.email} placeholder={t.email} aria-label={t.transcript} data-bulle="transcript-email" />
            <button class="send" title={t.transcript} data-bulle="transcript-send">
              ✉
            </button>
          </form>
        ))}
    </div>
  );
}
