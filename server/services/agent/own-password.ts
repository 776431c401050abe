// An agent changes their own password: the current one first (a console left open is not
// enough), the new one passes the same strength check as the first admin's, and every other
// session of theirs ends (a password changed because it leaked must lock out whoever has it).
import { ERR } from '../../../protocol/events.js';
import type { PasswordChange } from '../../../protocol/schemas.js';
import type { AgentRecord } from '../../storage/records.js';
import type { ChatStore } from '../../storage/chat-store.js';
import { AppError } from '../app-error.js';
import type { AuditLog } from '../audit/audit-log.js';
import { hashPassword, verifyPassword } from '../secrets.js';
import { passwordProblems } from '../setup/password-strength.js';
import type { SiteRegistry } from '../sites/site-registry.js';
import type { AgentAuth } from './agent-auth.js';
import { agentSiteIds } from './agent-sites.js';

export async function changeOwnPassword(
  deps: { store: ChatStore; auth: AgentAuth; sites: SiteRegistry; audit: AuditLog },
  agent: AgentRecord,
  sessionHash: string,
  input: PasswordChange,
): Promise<void> {
  if (!(await verifyPassword(input.current, agent.passwordHash))) throw new AppError(ERR.forbidden, 'The current password is not right');
  if (input.next === input.current) throw new AppError(ERR.badPayload, 'next: the new password is the current one');
  const problems = passwordProblems(input.next, { email: agent.email, siteName: deps.sites.get(agent.siteId)?.site.name });
  if (problems.length) throw new AppError(ERR.badPayload, `next: ${problems.join(' ')}`);
  // Read again: the record may have changed while the password was checked.
  const current = (await deps.store.getAgent(agent.id)) ?? agent;
  await deps.store.putAgent({ ...current, passwordHash: await hashPassword(input.next) });
  await deps.auth.endSessionsOf(agent.id, sessionHash);
  await deps.audit.record({
    actor: agent,
    siteIds: agentSiteIds(agent),
    action: 'agent.password.change',
    target: { kind: 'agent', id: agent.id, label: agent.name },
    changes: { password: { changed: true } },
  });
}
