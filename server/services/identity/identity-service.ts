// `visitor:identify`: the shop's page says who its logged-in customer is. With a signature that
// verifies against the site's secret, the e-mail and orders are the shop's word (verified); without
// one they are the visitor's word (claimed), kept apart and shown as such; a site that requires
// identity refuses the latter outright. The connection remembers a verified identity for the
// bot (order details without asking for the e-mail); the conversation keeps it for agents.
import { ERR } from '../../../protocol/events.js';
import type { VisitorIdentify } from '../../../protocol/schemas.js';
import type { CustomerIdentity, VisitorIdentifyResult } from '../../../protocol/types.js';
import { AppError } from '../app-error.js';
import type { ChatStore } from '../../storage/chat-store.js';
import type { Conversations } from '../conversations/conversations.js';
import { currentConversation } from '../conversations/current.js';
import type { SiteRegistry } from '../sites/site-registry.js';
import type { VisitorContext } from '../visitor/visitor-context.js';
import type { FollowUpService } from '../follow-ups/follow-up-service.js';
import { browserLanguage } from '../visitor/browser-language.js';
import { applyIdentity, normaliseIdentity } from './customer-identity.js';
import { claimedFromToken, verifyIdentityToken } from './identity-token.js';

export class IdentityService {
  constructor(
    private readonly store: ChatStore,
    private readonly conversations: Conversations,
    private readonly sites: SiteRegistry,
    /** A verified customer's follow-ups ride on the ack (follow-ups/). */
    private readonly followUps?: FollowUpService,
  ) {}

  async identify(ctx: VisitorContext, input: VisitorIdentify): Promise<VisitorIdentifyResult> {
    // From the store, not this process's registry: with several servers, a secret an admin just
    // replaced on another one applies here at once.
    const site = (await this.store.getSite(ctx.siteId)) ?? this.sites.get(ctx.siteId)?.site;
    if (!site) throw new AppError(ERR.unknownSite, `Unknown site "${ctx.siteId}"`);
    const required = site.identity?.mode === 'required';
    const at = Date.now();
    let update: CustomerIdentity;
    if (input.signature) {
      const check = await verifyIdentityToken(input.signature, site);
      if (check.ok) {
        const { sub, email, name, orders } = check.claims;
        update = { verified: normaliseIdentity({ sub, ...(email ? { email } : {}), ...(name ? { name } : {}), ...(orders ? { orders } : {}), at }) };
      } else {
        if (required) throw new AppError(ERR.badSignature, signatureMessage(check.why));
        update = { claimed: normaliseIdentity({ ...claimedFromToken(input.signature), ...fields(input), at, why: check.why }) };
      }
    } else {
      if (required) throw new AppError(ERR.identityRequired, 'This site accepts only signed identities: pass the signature its server made');
      update = { claimed: normaliseIdentity({ ...fields(input), at, why: 'unsigned' as const }) };
    }
    // Only this connection's own proof counts for the bot: an unverified identify withdraws it.
    ctx.verified = update.verified;
    const result: VisitorIdentifyResult = update.verified ? { verified: true } : { verified: false, reason: update.claimed!.why };
    // Nothing said at all (an anonymous page calling identify({})): nothing to keep.
    if (update.claimed && !update.claimed.email && !update.claimed.name && !update.claimed.orders?.length) return result;
    const conv = await this.remember(ctx, update);
    if (update.verified && this.followUps) {
      // The chat's language, or (no chat yet) the browser's the site speaks.
      const lang = conv?.lang ?? browserLanguage(site, ctx.languages);
      // News is a bonus: a store hiccup reading it must not fail the identify itself.
      const followUps = await this.followUps.pending(site.id, update.verified, lang).catch(() => []);
      if (followUps.length) result.followUps = followUps;
    }
    return result;
  }

  /** On the visitor's conversation, or (none yet) on the connection until its first message (visitor-details.ts). */
  private async remember(ctx: VisitorContext, update: CustomerIdentity) {
    const conv = await currentConversation(this.store, ctx.visitorId);
    if (!conv) {
      ctx.pendingIdentity = { ...ctx.pendingIdentity, ...update };
      return undefined;
    }
    const patch = applyIdentity(conv.identity, conv.customer, update);
    const next = await this.store.updateConversation(conv.id, patch);
    if (next) this.conversations.announce(next);
    return next ?? conv;
  }
}

const fields = ({ email, name, orders }: VisitorIdentify) => ({
  ...(email ? { email } : {}),
  ...(name ? { name } : {}),
  ...(orders?.length ? { orders } : {}),
});

function signatureMessage(why: string): string {
  if (why === 'expired') return 'The identity signature has expired: sign a fresh one on your server';
  if (why === 'no-secret') return 'This site has no identity secret yet: an admin makes one in the console';
  return 'The identity signature does not verify with this site\'s secret';
}
