// A conversation as plain text for the visitor: what they saw, never agents' internal notes,
// times in the visitor's own time zone when the widget reported it.
import type { Message } from '../../../protocol/types.js';
import type { ConversationRecord } from '../../storage/records.js';
import { mailStrings } from './mail-strings.js';

function clock(lang: string, timeZone: string | undefined): (ms: number) => string {
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' };
  try {
    const f = new Intl.DateTimeFormat(lang, { ...options, timeZone: timeZone ?? 'UTC', timeZoneName: 'short' });
    return (ms) => f.format(ms);
  } catch {
    // A time zone the runtime does not know (the browser said it, not us): UTC.
    const f = new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC', timeZoneName: 'short' });
    return (ms) => f.format(ms);
  }
}

export function transcriptText(conv: ConversationRecord, messages: readonly Message[]): string {
  const s = mailStrings(conv.lang);
  const at = clock(conv.lang, conv.visit?.timeZone);
  const who = (m: Message) => (m.author === 'visitor' ? s.you : m.author === 'bot' ? s.assistant : m.author === 'agent' ? (m.authorName ?? '') : '');
  return messages
    .filter((m) => !m.internal)
    .map((m) => {
      const name = who(m);
      const links = (m.links ?? []).map((l) => `\n  ${l.label}: ${l.url}`).join('');
      return `[${at(m.createdAt)}] ${name ? `${name}: ` : ''}${m.text}${links}`;
    })
    .join('\n\n');
}
