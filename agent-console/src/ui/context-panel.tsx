// The right column: who the visitor is and where they are, what the bot did, and
// the same customer's other conversations — so nobody asks a visitor to repeat themselves.
import type { Chat } from '../state/console-state.js';
import type { ConsoleCommands } from '../state/use-console.js';
import { BotSection } from './context-bot.js';
import { CustomerSection } from './customer-section.js';
import { PagesSection, VisitorSection } from './context-visit.js';
import { TopicSection } from './context-topic.js';
import type { SiteTopic } from '../../../protocol/types.js';

interface Props {
  chat: Chat;
  siteLanguages: string[];
  /** May change the language and attach clues (mine, waiting in my language, or admin). */
  canAct: boolean;
  commands: ConsoleCommands;
  topics: SiteTopic[];
}

export function ContextPanel({ chat, siteLanguages, canAct, commands, topics }: Props) {
  return (
    <aside class="context" aria-label="Context" data-bulle="context">
      <VisitorSection chat={chat} siteLanguages={siteLanguages} canAct={canAct} commands={commands} />
      <TopicSection summary={chat.summary} topics={topics} canAct={canAct} commands={commands} />
      <PagesSection chat={chat} />
      <BotSection messages={chat.messages} />
      <CustomerSection key={chat.summary.id} chat={chat} canAct={canAct} commands={commands} />
    </aside>
  );
}
