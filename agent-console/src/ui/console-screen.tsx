// The logged-in layout: top bar; the queue and my chats on the left; the selected chat in the
// middle; its context on the right.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Session } from '../api/http.js';
import type { TemplateVars } from '../lib/canned.js';
import { cluesFrom } from '../lib/customer-clues.js';
import type { Chat } from '../state/console-state.js';
import { forSite, sidebarLists } from '../state/lists.js';
import { SiteNames } from '../lib/site-names.js';
import { unreadCount } from '../state/merge-messages.js';
import { useConsole } from '../state/use-console.js';
import { CannedEditor } from './canned-editor.js';
import { ClosedList } from './closed-list.js';
import { ContextPanel } from './context-panel.js';
import { ConversationView } from './conversation-view.js';
import { MineList } from './mine-list.js';
import { Notices } from './notices.js';
import { QueueList } from './queue-list.js';
import { ShortcutHelp } from './shortcut-help.js';
import { TopBar } from './top-bar.js';
import { UnansweredDialog } from './unanswered-dialog.js';
import { SkillsDialog } from './skills-dialog.js';
import { NumbersDialog } from './numbers-dialog.js';
import { SitesDialog } from './sites-dialog.js';
import { FaqEditorDialog } from './faq-editor-dialog.js';
import { AgentsDialog } from './agents-dialog.js';
import { AuditDialog } from './audit-dialog.js';
import { PasswordDialog } from './password-dialog.js';
import { useAlerts } from './use-alerts.js';
import { useShortcuts } from './use-shortcuts.js';

interface Props {
  session: Session;
  onLogout(): void;
  onUnauthorized(message: string): void;
}

export function ConsoleScreen({ session, onLogout, onUnauthorized }: Props) {
  const { agent, site } = session;
  const select = useRef<(id: string) => void>(() => {});
  const alerts = useAlerts((id) => select.current(id));
  const { state, connection, routing, setPresence, setMode, notices, dismissNotice, commands } = useConsole(agent, onUnauthorized, alerts.ring);
  select.current = (conversationId) => commands.dispatch({ type: 'select', conversationId });
  alerts.selected.current = state.selectedId;
  // Drafts survive switching between chats (not reloads: nothing is written to storage).
  const drafts = useRef(new Map<string, string>());
  // `/console/sites` (old links) lands on `#sites`: the Sites page opens over the console.
  const [overlay, setOverlay] = useState<'help' | 'canned' | 'unanswered' | 'skills' | 'numbers' | 'sites' | 'faq' | 'agents' | 'audit' | 'password' | null>(
    agent.role === 'admin' && location.hash === '#sites' ? 'sites' : null,
  );

  // Several sites: every chat carries its site's badge, and the sidebar can show one site only.
  const siteNames = useMemo(() => Object.fromEntries((session.sites ?? []).map((s) => [s.id, s.name])), [session.sites]);
  const [siteFilter, setSiteFilter] = useState<string | null>(null);
  const lists = useMemo(() => forSite(sidebarLists(state, agent.languages), siteFilter), [state, agent.languages, siteFilter]);
  const mine = useMemo(() => [...lists.needsReply, ...lists.waitingVisitor], [lists]);
  const queueCount = lists.queueByLang.reduce((n, g) => n + g.items.length, 0);
  const selected = state.selectedId ? state.chats[state.selectedId] : undefined;
  // The open chat is marked seen while the tab is visible, so in a hidden tab the title counts it too.
  const totalUnread = mine.reduce((n, c) => n + unreadCount(c.messages, c.seenSeq), 0);

  useEffect(() => {
    document.title = `${totalUnread ? `(${totalUnread}) ` : ''}${queueCount ? `${queueCount} waiting · ` : ''}Bulle console`;
  }, [totalUnread, queueCount]);

  const shortcuts = useMemo(
    () => ({
      step(direction: 1 | -1) {
        if (mine.length === 0) return;
        const at = mine.findIndex((c) => c.summary.id === state.selectedId);
        const next = at < 0 ? (direction > 0 ? 0 : mine.length - 1) : (at + direction + mine.length) % mine.length;
        commands.dispatch({ type: 'select', conversationId: mine[next]!.summary.id });
      },
      help: () => setOverlay('help'),
    }),
    [mine, state.selectedId, commands],
  );
  useShortcuts(shortcuts);
  const closeOverlay = useCallback(() => {
    if (location.hash === '#sites') history.replaceState(null, '', location.pathname + location.search);
    setOverlay(null);
  }, []);

  const siteLanguages = site?.languages ?? agent.languages;
  /** The selected chat's own site's languages (it may be another of my sites). */
  const chatLanguages = (selected && session.sites?.find((s) => s.id === selected.summary.siteId)?.languages) || siteLanguages;
  const canAct = (chat: Chat) =>
    agent.role === 'admin' || chat.summary.assignedAgentId === agent.id || (chat.summary.status === 'queued' && agent.languages.includes(chat.summary.queueLang ?? chat.summary.lang));

  return (
    <SiteNames.Provider value={siteNames}>
      <div class="console">
        {session.demoAccounts && (
          <div class="demo-banner" role="status">
            Demo accounts exist on this server: their passwords are public. Start from your own data before going live
            (see the going-live guide).
          </div>
        )}
        <TopBar
          session={session}
          connection={connection}
          onLogout={onLogout}
          controls={{
            routing,
            setPresence: (p) => void setPresence(p),
            setMode: (m) => void setMode(m),
            sound: alerts.sound,
            setSound: alerts.setSound,
            permission: alerts.permission,
            askPermission: () => void alerts.askPermission(),
            openHelp: () => setOverlay('help'),
            openCanned: () => setOverlay('canned'),
            openUnanswered: () => setOverlay('unanswered'),
            openSkills: () => setOverlay('skills'),
            openNumbers: () => setOverlay('numbers'),
            openFaq: () => setOverlay('faq'),
            openAgents: () => setOverlay('agents'),
            openAudit: () => setOverlay('audit'),
            openPassword: () => setOverlay('password'),
            openSites: () => {
              history.replaceState(null, '', '#sites');
              setOverlay('sites');
            },
          }}
        />
        <div class="console__body">
          <aside class="sidebar" aria-label="Conversations">
            {Object.keys(siteNames).length > 1 && (
              <label class="switch sidebar__site">
                <span>Site</span>
                <select data-bulle="site-filter" value={siteFilter ?? ''} onChange={(e) => setSiteFilter(e.currentTarget.value || null)}>
                  <option value="">All my sites</option>
                  {Object.entries(siteNames).map(([id, name]) => (
                    <option key={id} value={id}>
                      {name}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <MineList id="mine" title="Mine" empty="Chats given to you or claimed stay here until you close them." chats={lists.needsReply} selectedId={state.selectedId} commands={commands} />
            {lists.waitingVisitor.length > 0 && (
              <MineList id="waiting-visitor" title="Waiting for the visitor" empty="" chats={lists.waitingVisitor} selectedId={state.selectedId} commands={commands} />
            )}
            <QueueList groups={lists.queueByLang} languages={agent.languages} selectedId={state.selectedId} commands={commands} />
            <ClosedList closed={lists.closed} cursor={state.closedCursor} selectedId={state.selectedId} commands={commands} />
            <p class="panel__hint sidebar__hint">
              Alt+↑ / Alt+↓ switch chats · Alt+Q queue · <button type="button" class="link-btn" onClick={() => setOverlay('help')}>? all shortcuts</button>
            </p>
          </aside>
          {selected ? (
            <>
              <main class="main">
                <ConversationView
                  key={selected.summary.id}
                  chat={selected}
                  myId={state.myId}
                  online={connection.status === 'connected'}
                  commands={commands}
                  drafts={drafts.current}
                  tags={state.tagsBySite[selected.summary.siteId] ?? state.tags}
                  topics={state.topics}
                  siteLanguages={chatLanguages}
                  canned={{ replies: state.canned, lang: selected.summary.lang, fallbackLang: site?.defaultLanguage ?? 'en', vars: templateVars(selected, agent.name) }}
                />
              </main>
              <ContextPanel chat={selected} siteLanguages={chatLanguages} canAct={canAct(selected)} commands={commands} topics={state.topics} />
            </>
          ) : (
            <main class="main main--empty">
              {state.selectedId ? (
                <div class="empty">Loading conversation…</div>
              ) : (
                <div class="empty">
                  <h2>No conversation selected</h2>
                  <p>Claim a chat from the queue, or pick one of yours. Press ? for the keyboard shortcuts.</p>
                </div>
              )}
            </main>
          )}
        </div>
        {overlay === 'help' && <ShortcutHelp onClose={closeOverlay} />}
        {overlay === 'unanswered' && <UnansweredDialog commands={commands} isAdmin={agent.role === 'admin'} languages={siteLanguages} onClose={closeOverlay} />}
        {overlay === 'skills' && <SkillsDialog topics={state.topics} commands={commands} onClose={closeOverlay} />}
        {overlay === 'canned' && <CannedEditor replies={state.canned} languages={siteLanguages} commands={commands} onClose={closeOverlay} />}
        {overlay === 'numbers' && <NumbersDialog languages={siteLanguages} tags={state.tags} loadAgents={commands.agents} onClose={closeOverlay} />}
        {overlay === 'sites' && <SitesDialog onClose={closeOverlay} />}
        {overlay === 'agents' && <AgentsDialog myId={agent.id} languages={siteLanguages} topics={state.topics} onClose={closeOverlay} />}
        {overlay === 'audit' && <AuditDialog sites={session.sites ?? []} onClose={closeOverlay} />}
        {overlay === 'password' && <PasswordDialog email={agent.email} onClose={closeOverlay} />}
        {overlay === 'faq' && (
          <FaqEditorDialog sites={session.sites?.length ? session.sites : site ? [site] : []} topics={state.topics.map((t) => t.id)} onClose={closeOverlay} />
        )}
        <Notices notices={notices} onDismiss={dismissNotice} />
      </div>
    </SiteNames.Provider>
  );
}

/** What canned replies are filled with: what was attached first, then what the visitor wrote. */
function templateVars(chat: Chat, agentName: string): TemplateVars {
  const c = chat.summary;
  const clues = cluesFrom(chat.messages);
  return {
    'agent.name': agentName,
    'visitor.name': clues.name,
    'visitor.email': c.customer?.emails[0] ?? c.contactEmail ?? clues.emails[clues.emails.length - 1],
    'order.number': c.customer?.orders[c.customer.orders.length - 1] ?? clues.orders[clues.orders.length - 1],
  };
}
