// A proactive message beside the closed bubble: its text opens the chat, a quick reply opens it and
// sends its words as the visitor's first message (only then is anything stored), × dismisses it.
import type { LoaderRule } from '../../../protocol/loader-config.js';
import type { ChatSession } from '../chat-state.js';
import { lang, t } from '../i18n.js';

interface Props {
  rule: LoaderRule;
  session: ChatSession;
  open(): void;
  dismiss(): void;
}

export function Teaser({ rule, session, open, dismiss }: Props) {
  return (
    <div class="teaser" role="status" data-bulle="proactive">
      <button type="button" class="x" lang={lang} aria-label={t.close} data-bulle="proactive-dismiss" onClick={dismiss}>
        ×
      </button>
      <button type="button" class="say" data-bulle="proactive-open" onClick={open}>
        {rule.m}
      </button>
      {rule.q && (
        <p class="qr">
          {rule.q.map((q, i) => (
            <button
              key={i}
              type="button"
              data-bulle="proactive-reply"
              onClick={() => {
                open();
                session.send(q.text);
              }}
            >
              {q.label}
            </button>
          ))}
        </p>
      )}
    </div>
  );
}
