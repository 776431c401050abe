// Verifying the shop's identity token: an HS256 JWT its server signs with the site's identity
// secret (claims sub, email, name, orders, exp). `jose` checks the signature, the algorithm and
// the expiry; the claims are then checked like any payload, since a valid signature proves who
// made the token, not that its fields are well formed.
import { decodeJwt, errors, jwtVerify } from 'jose';
import { IdentityClaimsSchema, type IdentityClaims } from '../../../protocol/schemas.js';
import type { IdentityUnverifiedReason } from '../../../protocol/types.js';
import type { SiteRecord } from '../../storage/records.js';
import { validate } from '../../sockets/command.js';
import { newToken } from '../secrets.js';

/** A site's identity secret: 256 random bits, base64url (HS256 wants a key at least as long as its hash). */
export const newIdentitySecret = () => newToken() + newToken().slice(0, 11);

/** Clocks of the shop's server and ours disagree a little; a token a few seconds old must not fail. */
const CLOCK_TOLERANCE_S = 30;

export type TokenCheck = { ok: true; claims: IdentityClaims } | { ok: false; why: IdentityUnverifiedReason };

/** The secret as the shop's JWT library takes it: the string's UTF-8 bytes. */
const keyOf = (secret: string) => new TextEncoder().encode(secret);

export async function verifyIdentityToken(token: string, site: SiteRecord): Promise<TokenCheck> {
  const secret = site.identity?.secret;
  if (!secret) return { ok: false, why: 'no-secret' };
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      algorithms: ['HS256'],
      requiredClaims: ['sub', 'exp'],
      clockTolerance: CLOCK_TOLERANCE_S,
    });
    // A token made for another site (by a shop that names it) is not for this one.
    if (payload.aud !== undefined && !([] as string[]).concat(payload.aud).includes(site.id)) return { ok: false, why: 'bad-signature' };
    return { ok: true, claims: validate(IdentityClaimsSchema, pick(payload)) };
  } catch (err) {
    if (err instanceof errors.JWTExpired) return { ok: false, why: 'expired' };
    return { ok: false, why: 'bad-signature' };
  }
}

/**
 * What an unverified token says, to keep as the visitor's word (shown as not verified): only the
 * fields that pass the same checks as a payload's, nothing when it does not even decode.
 */
export function claimedFromToken(token: string): Partial<IdentityClaims> {
  try {
    const claims = pick(decodeJwt(token));
    const out: Partial<IdentityClaims> = {};
    for (const key of ['email', 'name', 'orders'] as const) {
      const one = { sub: 'x', exp: 0, [key]: claims[key] };
      if (claims[key] !== undefined && safe(one)) (out as Record<string, unknown>)[key] = claims[key];
    }
    return out;
  } catch {
    return {};
  }
}

const safe = (claims: unknown) => {
  try {
    validate(IdentityClaimsSchema, claims);
    return true;
  } catch {
    return false;
  }
};

/** Only the claims we use: a token may carry others (iat, iss, aud…), which we neither keep nor check. */
function pick(payload: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ['sub', 'exp', 'email', 'name', 'orders']) if (payload[key] !== undefined) out[key] = payload[key];
  return out;
}
