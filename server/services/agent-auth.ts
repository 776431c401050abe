// Agent log-in: scrypt-hashed passwords, opaque session tokens of which only digests are stored.
import type { ChatStore } from '../storage/chat-store.js';
import type { AgentRecord } from '../storage/records.js';
import type { AgentProfile } from '../protocol/types.js';
import { hashPassword, hashToken, newToken, verifyPassword } from './secrets.js';

export class AgentAuth {
  readonly cookieName = 'bulle_session';
  /** Verified against when the e-mail is unknown, so timing does not reveal which e-mails exist. */
  private dummyHash = hashPassword('not-a-real-password');

  constructor(
    private readonly store: ChatStore,
    private readonly ttlMs: number,
  ) {}

  async login(email: string, password: string): Promise<{ token: string; agent: AgentRecord } | undefined> {
    const agent = await this.store.findAgentByEmail(email);
    const ok = await verifyPassword(password, agent?.passwordHash ?? (await this.dummyHash));
    if (!agent || !ok) return undefined;
    const token = newToken();
    await this.store.putSession({ tokenHash: hashToken(token), agentId: agent.id, expiresAt: Date.now() + this.ttlMs });
    return { token, agent };
  }

  async logout(token: string | undefined): Promise<void> {
    if (token) await this.store.deleteSession(hashToken(token));
  }

  async agentForSession(token: string | undefined): Promise<AgentRecord | undefined> {
    if (!token || token.length > 200) return undefined;
    const session = await this.store.getSession(hashToken(token));
    return session ? this.store.getAgent(session.agentId) : undefined;
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
