// Agent log-in: scrypt-hashed passwords, opaque session tokens of which only digests are stored.
import type { ChatStore } from '../../storage/chat-store.js';
import type { AgentRecord, SessionRecord } from '../../storage/records.js';
import type { AgentProfile } from '../../../protocol/types.js';
import { hashPassword, hashToken, newToken, verifyPassword } from '../secrets.js';
import { ERR } from '../../../protocol/events.js';
import { AppError } from '../app-error.js';

export class AgentAuth {
  readonly cookieName = 'bulle_session';
  /** Verified against when the e-mail is unknown, so timing does not reveal which e-mails exist. */
  private dummyHash = hashPassword('not-a-real-password');
  /** Told when a session is ended on purpose (logout), with its token's digest. */
  private endedListeners = new Set<(tokenHash: string) => void>();

  constructor(
    private readonly store: ChatStore,
    private readonly ttlMs: number,
  ) {}

  async login(email: string, password: string): Promise<{ token: string; agent: AgentRecord } | undefined> {
    const agent = await this.store.findAgentByEmail(email);
    const ok = await verifyPassword(password, agent?.passwordHash ?? (await this.dummyHash));
    if (!agent || !ok) return undefined;
    // Said only to whoever knows the password: the account exists, an admin switched it off.
    if (agent.disabled) throw new AppError(ERR.forbidden, 'This account is disabled: ask an admin of your shop');
    const token = newToken();
    await this.store.putSession({ tokenHash: hashToken(token), agentId: agent.id, expiresAt: Date.now() + this.ttlMs });
    return { token, agent };
  }

  async logout(token: string | undefined): Promise<void> {
    if (!token) return;
    const tokenHash = hashToken(token);
    await this.store.deleteSession(tokenHash);
    for (const listener of this.endedListeners) listener(tokenHash);
  }

  /**
   * End every session of an agent (disabled, or a new password) but `keepTokenHash`'s: their
   * consoles close as at a logout, on every server.
   */
  async endSessionsOf(agentId: string, keepTokenHash?: string): Promise<void> {
    for (const tokenHash of await this.store.deleteSessionsOf(agentId, keepTokenHash)) for (const listener of this.endedListeners) listener(tokenHash);
  }

  /** Sockets opened with a session close when it ends: subscribe here (returns the unsubscribe). */
  onSessionEnded(listener: (tokenHash: string) => void): () => void {
    this.endedListeners.add(listener);
    return () => this.endedListeners.delete(listener);
  }

  async agentForSession(token: string | undefined): Promise<AgentRecord | undefined> {
    return (await this.sessionFor(token))?.agent;
  }

  /** The live (not expired, not logged out) session of a cookie token, with its agent. */
  async sessionFor(token: string | undefined): Promise<{ session: SessionRecord; agent: AgentRecord } | undefined> {
    if (!token || token.length > 200) return undefined;
    const session = await this.store.getSession(hashToken(token));
    const agent = session && (await this.store.getAgent(session.agentId));
    return session && agent && !agent.disabled ? { session, agent } : undefined;
  }

  /** Whether a session (by digest) is still live: checked before every agent command. */
  async isLive(tokenHash: string): Promise<boolean> {
    return (await this.store.getSession(tokenHash)) !== undefined;
  }

  agentById(id: string): Promise<AgentRecord | undefined> {
    return this.store.getAgent(id);
  }
}

export const toProfile = (a: AgentRecord): AgentProfile => ({
  id: a.id,
  siteId: a.siteId,
  name: a.name,
  email: a.email,
  languages: a.languages,
  role: a.role,
});
