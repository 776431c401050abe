// Who is logged in, on which site, and whether the live connection is up.
import type { Session } from '../api/http.js';
import type { Connection } from '../state/use-console.js';

const LABEL = { connecting: 'Connecting…', connected: 'Connected', reconnecting: 'Reconnecting…' } as const;

interface Props {
  session: Session;
  connection: Connection;
  onLogout(): void;
}

export function TopBar({ session, connection, onLogout }: Props) {
  const { agent, site } = session;
  return (
    <header class="topbar">
      <div class="topbar__brand">
        <span class="brand-mark" aria-hidden="true" />
        <strong>Bulle</strong>
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
        <span class="topbar__agent">
          <span class="avatar" aria-hidden="true">
            {agent.name.slice(0, 1).toUpperCase()}
          </span>
          <span>
            <span class="topbar__name">{agent.name}</span>
            <span class="topbar__langs">
              {agent.languages.map((l) => l.toUpperCase()).join(' · ')}
              {agent.role === 'admin' ? ' · admin' : ''}
            </span>
          </span>
        </span>
        <button type="button" class="btn btn--ghost" data-bulle="logout" onClick={onLogout}>
          Log out
        </button>
      </div>
    </header>
  );
}
