// The `/shortcut` list over the composer: filtered as the agent types, ↑/↓ to move,
// Enter or Tab to insert, Esc to close. Shows each reply in the chat's language.
// The focus stays in the reply box (aria-activedescendant): the options are focusable only by
// script (tabIndex -1, never tabbed to), and the active one is scrolled into view, so the
// keyboard reaches every reply of a list longer than the menu.
import { useEffect, useRef } from 'preact/hooks';
import type { CannedReply } from '../../../protocol/types.js';
import { fillTemplate, pickText, type TemplateVars } from '../lib/canned.js';

interface Props {
  items: CannedReply[];
  active: number;
  query: string;
  lang: string;
  fallbackLang: string;
  vars: TemplateVars;
  onPick(reply: CannedReply): void;
  onHover(index: number): void;
}

export const cannedOptionId = (id: string) => `canned-${id}`;

export function CannedMenu({ items, active, query, lang, fallbackLang, vars, onPick, onHover }: Props) {
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => list.current?.children[active]?.scrollIntoView({ block: 'nearest' }), [active, items.length]);
  return (
    <div class="canned" data-bulle="canned-menu">
      {items.length === 0 ? (
        <p class="canned__empty">No canned reply matches /{query}</p>
      ) : (
        <ul ref={list} class="canned__list" role="listbox" id="canned-list" aria-label="Canned replies">
          {items.map((r, i) => (
            <li
              key={r.id}
              id={cannedOptionId(r.id)}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              class={`canned__item${i === active ? ' is-active' : ''}`}
              data-bulle="canned-item"
              data-shortcut={r.shortcut}
              // mousedown, not click: the textarea must keep the focus.
              onMouseDown={(e) => {
                e.preventDefault();
                onPick(r);
              }}
              onMouseEnter={() => onHover(i)}
            >
              <span class="canned__head">
                <code>/{r.shortcut}</code> <span>{r.title}</span>
                {!r.texts[lang] && <span class="canned__fallback">{fallbackLang.toUpperCase()}</span>}
              </span>
              <span class="canned__text">{fillTemplate(pickText(r, lang, fallbackLang), vars).text}</span>
            </li>
          ))}
        </ul>
      )}
      <p class="canned__hint">↑ ↓ to choose · Enter or Tab to insert · Esc to close</p>
    </div>
  );
}
