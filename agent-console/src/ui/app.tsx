// The session gate: ask the server whether the cookie is still good, then show the login form
// or the console. Losing the session anywhere (401, refused handshake) lands back here.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { currentSession, logout, type Session } from '../api/http.js';
import { PageOrigins } from '../lib/page-origins.js';
import { ConsoleScreen } from './console-screen.js';
import { LoginScreen } from './login-screen.js';

export function App() {
  // undefined: still asking /api/agent/me; null: logged out.
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    currentSession().then(setSession, (err: Error) => {
      setNotice(err.message);
      setSession(null);
    });
  }, []);

  const loggedIn = useCallback((s: Session) => {
    setNotice(null);
    setSession(s);
  }, []);
  const loggedOut = useCallback(async () => {
    await logout().catch(() => undefined);
    setSession(null);
  }, []);
  const expired = useCallback((message: string) => {
    setNotice(`Your session has ended (${message}). Please log in again.`);
    setSession(null);
  }, []);

  if (session === undefined) {
    return (
      <div class="splash" aria-busy="true">
        <span class="brand-mark" aria-hidden="true" />
        <span>Loading…</span>
      </div>
    );
  }
  if (!session) return <LoginScreen notice={notice} onLoggedIn={loggedIn} />;
  return (
    <PageOrigins.Provider value={[location.origin, ...(session.site?.pageOrigins ?? [])]}>
      <ConsoleScreen session={session} onLogout={loggedOut} onUnauthorized={expired} />
    </PageOrigins.Provider>
  );
}
