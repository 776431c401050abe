// The closing tags agents pick from: rename one in place, remove it, add one. Conversations
// closed with a tag keep it when it is renamed or removed here.
import { useState } from 'preact/hooks';

/** "Late delivery" → "late-delivery": the form a tag takes (lower case, digits, dashes). */
export const tagFrom = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);

export function TagsField({ tags, onChange }: { tags: string[]; onChange(tags: string[]): void }) {
  const [typed, setTyped] = useState('');
  const add = () => {
    const tag = tagFrom(typed);
    if (tag && !tags.includes(tag)) onChange([...tags, tag]);
    setTyped('');
  };
  return (
    <fieldset class="sites__group" data-bulle="site-tags">
      <legend>Closing tags</legend>
      <p class="muted">Agents pick one when they close a chat. Past chats keep the tag they were closed with.</p>
      <ul class="sites__list">
        {tags.map((t, i) => (
          <li key={i} data-bulle="site-tag">
            <input
              aria-label={`Tag ${i + 1}`}
              value={t}
              maxLength={40}
              onChange={(e) => onChange(tags.map((x, j) => (j === i ? tagFrom(e.currentTarget.value) || x : x)))}
            />{' '}
            <button type="button" class="btn btn--ghost btn--sm" aria-label={`Remove the tag ${t}`} disabled={tags.length === 1} onClick={() => onChange(tags.filter((_, j) => j !== i))}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <div class="sites__row">
        <input aria-label="New tag" data-bulle="tag-input" value={typed} maxLength={40} placeholder="late-delivery" onInput={(e) => setTyped(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), add())} />
        <button type="button" class="btn btn--sm" data-bulle="tag-add" disabled={!tagFrom(typed)} onClick={add}>
          Add tag
        </button>
      </div>
    </fieldset>
  );
}
