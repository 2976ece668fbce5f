import { createSecretKey, hkdfSync, type KeyObject } from 'node:crypto';
import { createDecoder, createVerifier, TokenError } from 'fast-jwt';
import { SignJWT } from 'jose';
import type { Principal } from './principal.js';

const ISSUER = 'himotoki';
const ROLES = new Set(['AUDITOR', 'ORGANIZATION', 'SUBJECT', 'OPERATOR']);

export class InvalidTokenError extends Error {}

/**
 * Bearer tokens (JWT, HS256). The signing key is derived from the platform key by HKDF with its own label,
 * so it is as durable as the data it guards (one secret to configure) and never equals the fingerprint key.
 * Minted with jose; checked with fast-jwt, synchronously and with a cache of verified tokens, since a client
 * sends the same token with every request and a check on the request's path should not be an async job.
 */
export class TokenService {
  private readonly key: KeyObject;
  private readonly check: (token: string) => Record<string, unknown>;
  private static readonly CACHE_SIZE = 10_000;

  constructor(platformKey: Buffer) {
    const secret = Buffer.from(hkdfSync('sha256', platformKey, Buffer.alloc(0), 'himotoki bearer tokens v1', 32));
    this.key = createSecretKey(secret);
    // jose's rules: HS256 only, no critical header extension, our issuer, an expiry, `nbf` (if any) past.
    // The cache keeps a verified token until its `exp`, never past it.
    this.check = createVerifier({
      key: secret,
      algorithms: ['HS256'],
      allowedIss: ISSUER,
      requiredClaims: ['iss', 'exp'],
      allowedCritHeaders: [],
      cache: TokenService.CACHE_SIZE,
    });
  }

  async mint(principal: Principal, validForSeconds = 8 * 3600): Promise<string> {
    const claims: Record<string, string> = { role: principal.role };
    if ('organizationId' in principal) claims.org = principal.organizationId;
    if ('subjectId' in principal) claims.subject = principal.subjectId;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setSubject(principal.id)
      .setIssuedAt()
      .setExpirationTime(`${validForSeconds}s`)
      .sign(this.key);
  }

  async verify(token: string): Promise<Principal> {
    const { role, org, subject, sub } = this.claimsOf(token);
    return principalOf(claim(role), claim(org), claim(subject), claim(sub));
  }

  /** The token's verified claims, or why it is refused, in words a client can act on. */
  private claimsOf(token: string): Record<string, unknown> {
    let claims: unknown;
    try {
      claims = this.check(token);
    } catch (error) {
      if (!(error instanceof TokenError)) throw error;
      if (error.code === TokenError.codes.expired) throw new InvalidTokenError('the token has expired');
      if (error.code === TokenError.codes.inactive) throw new InvalidTokenError('the token is not valid yet');
      if (lacksExpiry(token, error)) throw new InvalidTokenError('the token has no expiry');
      throw new InvalidTokenError('the token is not valid');
    }
    if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) throw new InvalidTokenError('the token is not valid');
    return claims as Record<string, unknown>;
  }
}

const decodeClaims = createDecoder();

/** A correctly signed token refused over its `exp` claim: missing, or not a number of seconds. */
function lacksExpiry(token: string, error: TokenError): boolean {
  if (error.code !== TokenError.codes.missingRequiredClaim && error.code !== TokenError.codes.invalidClaimType) return false;
  try {
    const claims: unknown = decodeClaims(token);
    return typeof claims === 'object' && claims !== null && typeof (claims as { exp?: unknown }).exp !== 'number';
  } catch {
    return false;
  }
}

const claim = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The principal a verified token's claims name, or why they name none. */
function principalOf(role: string | undefined, org: string | undefined, subject: string | undefined, sub: string | undefined): Principal {
  if (!role || !ROLES.has(role) || !sub) throw new InvalidTokenError('the token names no role');
  if ((role === 'AUDITOR' || role === 'ORGANIZATION') && !org) throw new InvalidTokenError(`a ${role} token is bound to an organization`);
  if (role === 'SUBJECT' && !subject) throw new InvalidTokenError('a SUBJECT token is bound to a subject');
  if (role === 'SUBJECT') return { role, id: sub, subjectId: subject! };
  if (role === 'OPERATOR') return { role, id: sub };
  return { role: role as 'AUDITOR' | 'ORGANIZATION', id: sub, organizationId: org! };
}
