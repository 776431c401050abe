// Who is logged in, on which site, whether the live connection is up, and the agent's own
// switches: online / away, sound, desktop notifications; for admins the assignment mode and
// the canned replies, agents and audit log; everyone's own password.
import type { Session } from '../api/http.js';
import type { Connection, Routing } from '../state/use-console.js';

const LABEL = { connecting: 'Connecting…', connected: 'Connected', reconnecting: 'Reconnecting…' } as const;

export interface TopBarControls {
  routing: Routing;
  setPresence(status: 'online' | 'away'): void;
  setMode(mode: 'automatic' | 'manual'): void;
  sound: boolean;
  setSound(on: boolean): void;
  permission: NotificationPermission | 'unsupported';
  askPermission(): void;
  openHelp(): void;
  openCanned(): void;
  openUnanswered(): void;
  openSkills(): void;
  openNumbers(): void;
  openFaq(): void;
  openAgents(): void;
  openAudit(): void;
  openPassword(): void;
  openSites(): void;
}

interface Props {
  session: Session;
  connection: Connection;
  controls: TopBarControls;
  onLogout(): void;
}

export function TopBar({ session, connection, controls: k, onLogout }: Props) {
  const { agent, site } = session;
  const away = k.routing.presence === 'away';
  return (
    <header class="topbar">
      <div class="topbar__brand">
        <span class="brand-mark" aria-hidden="true" />
        {/* The page's one h1: the chat in the middle has the h2s. */}
        <h1 class="topbar__title">Bulle</h1>
        <span class="topbar__product">Agent console</span>
        {site && <span class="topbar__site">{site.name}</span>}
      </div>
      <div class="topbar__right">
        <span
          class={`conn conn--${connection.status}`}
          data-bulle="connection"
          data-status={connection.status}
          role="status"
          title={connection.detail}
        >
          <span class="conn__dot" aria-hidden="true" />
          {LABEL[connection.status]}
        </span>
        {agent.role === 'admin' && k.routing.mode && (
          <label class="switch" title="How waiting chats reach agents">
            <span>Assignment</span>
            <select data-bulle="mode" value={k.routing.mode} onChange={(e) => k.setMode(e.currentTarget.value as 'automatic' | 'manual')}>
              <option value="automatic">automatic</option>
              <option value="manual">manual</option>
            </select>
          </label>
        )}
        {agent.role === 'admin' && (
          <button type="button" class="btn btn--ghost btn--sm" data-bulle="numbers-open" title="The service desk's numbers" onClick={k.openNumbers}>
            Numbers
          </button>
        )}
        {agent.role === 'admin' && (
          <button type="button" class="btn btn--ghost btn--sm" data-bulle="faq-open" title="Edit the FAQ the bot answers from" onClick={k.openFaq}>
            FAQ
          </button>
        )}
        {agent.role === 'admin' && (
          <button type="button" class="btn btn--ghost btn--sm" data-bulle="canned-admin" onClick={k.openCanned}>
            Canned replies
          </button>
        )}
        {agent.role === 'admin' && (
          <>
            <button type="button" class="btn btn--ghost btn--sm" data-bulle="skills-admin" onClick={k.openSkills}>
              Skills
            </button>
            <button type="button" class="btn btn--ghost btn--sm" data-bulle="agents-admin" onClick={k.openAgents}>
              Agents
            </button>
            <button type="button" class="btn btn--ghost btn--sm" data-bulle="audit-open" title="Who changed what" onClick={k.openAudit}>
              Audit log
            </button>
            <button type="button" class="btn btn--ghost btn--sm" data-bulle="sites-admin" onClick={k.openSites}>
              Sites
            </button>
          </>
        )}
        <button type="button" class="btn btn--ghost btn--sm" data-bulle="unanswered-open" title="Questions the bot could not answer" onClick={k.openUnanswered}>
          Unanswered
        </button>
        <button
          type="button"
          class={`icon-btn${k.sound ? '' : ' is-off'}`}
          data-bulle="sound"
          aria-pressed={k.sound}
          aria-label="Sound"
          title={k.sound ? 'Sound on (click to mute)' : 'Sound off (click to turn on)'}
          onClick={() => k.setSound(!k.sound)}
        >
          <BellIcon off={!k.sound} />
        </button>
        {k.permission === 'default' && (
          <button
            type="button"
            class="btn btn--ghost btn--sm"
            data-bulle="notify-permission"
            title="Desktop notifications for new chats and messages while this tab is hidden"
            onClick={k.askPermission}
          >
            Allow notifications
          </button>
        )}
        <button type="button" class="icon-btn" data-bulle="help" title="Keyboard shortcuts (?)" onClick={k.openHelp}>
          ?
        </button>
        <span class="topbar__agent">
          <span class={`avatar${away ? ' avatar--away' : ''}`} aria-hidden="true">
            {agent.name.slice(0, 1).toUpperCase()}
          </span>
          <span>
            <span class="topbar__name">{agent.name}</span>
            <span class="topbar__langs">
              {agent.languages.map((l) => l.toUpperCase()).join(' · ')}
              {agent.role === 'admin' ? ' · admin' : ''}
            </span>
            {(session.sites?.length ?? 0) > 1 && (
              <span class="topbar__langs" data-bulle="agent-sites" title="The sites you work on">
                {session.sites!.map((s) => s.name).join(' · ')}
              </span>
            )}
          </span>
        </span>
        <button
          type="button"
          class={`presence presence--${k.routing.presence}`}
          data-bulle="presence"
          data-presence={k.routing.presence}
          title={away ? 'Away: no new chats are given to you. Click to go online.' : 'Online: new chats may be given to you. Click to go away.'}
          onClick={() => k.setPresence(away ? 'online' : 'away')}
        >
          <span class={`presence-dot presence-dot--${k.routing.presence}`} aria-hidden="true" />
          {away ? 'Away' : 'Online'}
        </button>
        <button type="button" class="btn btn--ghost btn--sm" data-bulle="password-open" onClick={k.openPassword}>
          Change password
        </button>
        <button type="button" class="btn btn--ghost" data-bulle="logout" onClick={onLogout}>
          Log out
        </button>
      </div>
    </header>
  );
}

/** Inline, so no icon font or emoji font is needed. */
function BellIcon({ off }: { off: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" aria-hidden="true">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      {off && <path d="M3 3l18 18" />}
    </svg>
  );
}
