// The console's HTTP calls: log in, log out, who am I (the admin pages' calls: admin-http.ts). The session is an httpOnly cookie set by
// the server (server/routes/agent-auth.ts), so nothing here ever sees or stores a token.
import { ERR } from '../../../protocol/events.js';
import type { AckError, AgentProfile, AgentSiteInfo, SiteInfo } from '../../../protocol/types.js';

export interface Session {
  agent: AgentProfile;
  site: AgentSiteInfo | null;
  /** Agents with the public demo passwords exist on this server (the console shows a banner). */
  demoAccounts?: boolean;
  /** Every site this agent works on (their own first). */
  sites?: SiteInfo[];
}

/** A failed call, carrying the server's `{ error: { code, message } }` when there is one. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly error: AckError,
  ) {
    super(error.message);
  }
}

/** One JSON call to the server; a failure throws HttpError with the server's code and message. */
export async function call<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new HttpError(0, { code: ERR.internal, message: 'Cannot reach the server. Check your connection.' });
  }
  if (res.status === 204) return undefined as T;
  const json = (await res.json().catch(() => null)) as { error?: AckError } | null;
  if (!res.ok) {
    throw new HttpError(res.status, json?.error ?? { code: ERR.internal, message: `Server error (${res.status})` });
  }
  return json as T;
}

export const login = (email: string, password: string) => call<Session>('POST', '/api/agent/login', { email, password });
export const logout = () => call<void>('POST', '/api/agent/logout');

/** The current session, or null when the cookie is missing or expired (401). */
export async function currentSession(): Promise<Session | null> {
  try {
    return await call<Session>('GET', '/api/agent/me');
  } catch (err) {
    if (err instanceof HttpError && err.status === 401) return null;
    throw err;
  }
}
