// One message. Its text is rendered as text, never as HTML: visitor, bot and agent words alike.
// Links come from the FAQ; only http(s) and mailto URLs become anchors, anything else stays a label.
import type { ComponentChildren } from 'preact';
import { safeHref } from '../../../protocol/links.js';
import type { Author, Link } from '../../../protocol/types.js';

interface Props {
  author: Author;
  name?: string;
  text: string;
  /** The message's own language (a bot answer in German on an English widget is read in German). */
  lang?: string;
  links?: Link[];
  /** E.g. "answered from the English FAQ". */
  note?: string;
  state?: 'pending' | 'failed';
  children?: ComponentChildren;
}

export function MessageItem({ author, name, text, lang, links, note, state, children }: Props) {
  return (
    <li class={`msg ${author}${state ? ' pending' : ''}`} lang={lang} data-bulle="message" data-author={author} data-state={state}>
      {author === 'agent' && name && <span class="who">{name}</span>}
      {note && <span class="who">{note}</span>}
      {text}
      {links?.length ? (
        <ul>
          {links.map((l, i) => {
            const href = safeHref(l.url);
            return (
              <li key={i}>
                {href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer">
                    {l.label}
                  </a>
                ) : (
                  l.label
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
      {children}
    </li>
  );
}
