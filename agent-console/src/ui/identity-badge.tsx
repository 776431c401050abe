// A customer the shop signed in (visitor:identify with a valid signature): its server vouches for
// the e-mail and orders. What a page only claimed is shown apart, marked not verified, so an agent
// never takes the visitor's word for the shop's.
import type { CustomerIdentity } from '../../../protocol/types.js';

export function VerifiedBadge({ identity }: { identity?: CustomerIdentity }) {
  const v = identity?.verified;
  if (!v) return null;
  const who = v.name ?? v.email ?? v.sub;
  return (
    <span class="flag flag--verified" data-bulle="verified-customer" title={`Signed in on the shop as ${who}: the shop's server vouches for this identity`}>
      ✓ verified customer
    </span>
  );
}

export function IdentityDetails({ identity }: { identity?: CustomerIdentity }) {
  if (!identity) return null;
  const { verified: v, claimed: c } = identity;
  return (
    <div class="identity" data-bulle="customer-identity">
      {v && (
        <p data-bulle="identity-verified">
          <VerifiedBadge identity={identity} /> <strong>{v.name ?? v.sub}</strong>
          {v.email && <> · {v.email}</>}
          {v.orders?.length ? <> · orders {v.orders.join(', ')}</> : null}
        </p>
      )}
      {c && (
        <p class="muted" data-bulle="identity-claimed">
          Said by the page, <strong>not verified</strong> ({WHY[c.why]}): {[c.name, c.email, c.orders?.length ? `orders ${c.orders.join(', ')}` : ''].filter(Boolean).join(' · ')}
        </p>
      )}
    </div>
  );
}

const WHY = {
  unsigned: 'no signature',
  expired: 'signature expired',
  'bad-signature': 'signature does not verify',
  'no-secret': 'the site has no identity secret',
} as const;
