// One message. Text is rendered as text (Preact escapes it; no innerHTML anywhere), and only
// http/https/mailto links become anchors.
import type { BotDecision, Link, Message } from '../../../protocol/types.js';
import { formatClock } from '../lib/format.js';
import { safeHref } from '../../../protocol/links.js';
import type { PendingReply } from '../state/console-state.js';

const AUTHOR = { visitor: 'Visitor', bot: 'Bot', agent: 'Agent', system: '' } as const;

export function MessageItem({ message: m }: { message: Message }) {
  if (m.internal) return <NoteItem message={m} />;
  if (m.author === 'system') {
    return (
      <div class="msg msg--system" data-bulle="message" data-author="system" data-seq={m.seq}>
        <span class="msg__system-line">
          <span>{m.text}</span>
          <time>{formatClock(m.createdAt)}</time>
        </span>
        {/* A hand-off notice carries the bot decision that caused it. */}
        {m.bot && <Decision bot={m.bot} />}
      </div>
    );
  }
  return (
    <div class={`msg msg--${m.author}`} data-bulle="message" data-author={m.author} data-seq={m.seq}>
      <div class="msg__meta">
        <span class="msg__who">{m.authorName ?? AUTHOR[m.author]}</span>
        <time title={new Date(m.createdAt).toLocaleString()}>{formatClock(m.createdAt)}</time>
        {m.page && m.author === 'visitor' && (
          <span class="msg__page" title={m.page.url}>
            on {m.page.title || m.page.url}
          </span>
        )}
      </div>
      <div class="msg__bubble">{m.text}</div>
      {m.links && m.links.length > 0 && <Links links={m.links} />}
      {m.bot && <Decision bot={m.bot} />}
    </div>
  );
}

/** Internal notes: agents only, never sent to the visitor; styled apart so nobody mistakes them. */
function NoteItem({ message: m }: { message: Message }) {
  return (
    <div class="msg msg--note" data-bulle="message" data-author={m.author} data-internal="true" data-seq={m.seq}>
      <div class="msg__meta">
        <span class="msg__who">{m.author === 'system' ? 'Console' : (m.authorName ?? 'Agent')}</span>
        <span class="msg__note-label">Note — only agents see this</span>
        <time title={new Date(m.createdAt).toLocaleString()}>{formatClock(m.createdAt)}</time>
      </div>
      <div class="msg__bubble">{m.text}</div>
    </div>
  );
}

function Links({ links }: { links: Link[] }) {
  return (
    <ul class="msg__links">
      {links.map((l, i) => {
        const href = safeHref(l.url);
        return (
          <li key={i}>
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer nofollow">
                {l.label}
              </a>
            ) : (
              <span class="msg__link-blocked" title="Link hidden: only http, https and mailto links are shown">
                {l.label}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** Why the bot answered or handed off: lets agents spot FAQ entries that need work. */
function Decision({ bot }: { bot: BotDecision }) {
  return (
    <div class={`decision decision--${bot.outcome}`} data-bulle="bot-decision" data-outcome={bot.outcome}>
      <span class="decision__outcome">{bot.outcome}</span>
      {bot.faqId && <span>FAQ: {bot.faqId}</span>}
      <span>confidence {Math.round(bot.confidence * 100)}%</span>
      {bot.via !== 'none' && <span>via {bot.via}</span>}
      <span>
        lang {bot.lang} ({Math.round(bot.langConfidence * 100)}%)
      </span>
      {bot.faqLang && <span>from the {bot.faqLang} FAQ</span>}
      {bot.suggestions?.length ? <span>offered: {bot.suggestions.map((x) => x.faqId).join(', ')}</span> : null}
      {bot.candidates?.length ? (
        <span title={scoreText(bot.scores)}>candidates: {bot.candidates.map((c) => `${c.faqId} ${Math.round(c.confidence * 100)}%`).join(' · ')}</span>
      ) : null}
    </div>
  );
}

/** The best candidate's component scores, e.g. "keyword 0.80 · bm25 0.42". */
const scoreText = (scores?: Record<string, number>) =>
  Object.entries(scores ?? {})
    .map(([k, v]) => `${k} ${v.toFixed(2)}`)
    .join(' · ');

interface PendingProps {
  reply: PendingReply;
  onRetry(): void;
  onDiscard(): void;
}

export function PendingItem({ reply, onRetry, onDiscard }: PendingProps) {
  const failed = reply.state === 'failed';
  return (
    <div class={`msg msg--agent msg--pending is-${reply.state}`} data-bulle="pending-message" data-state={reply.state}>
      <div class="msg__bubble">{reply.text}</div>
      <div class="msg__status" role={failed ? 'alert' : undefined}>
        {reply.state === 'sending' && 'Sending…'}
        {reply.state === 'waiting' && 'Not sent yet: will resend when the connection is back.'}
        {failed && (
          <>
            <span>Not sent: {reply.error?.message ?? 'unknown error'}</span>
            <button type="button" class="link-btn" onClick={onRetry}>
              Retry
            </button>
            <button type="button" class="link-btn" onClick={onDiscard}>
              Discard
            </button>
          </>
        )}
      </div>
    </div>
  );
}
