import { createHmac, createSecretKey, hkdfSync, timingSafeEqual, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Principal } from './principal.js';

const ISSUER = 'himotoki';
const ROLES = new Set(['AUDITOR', 'ORGANIZATION', 'SUBJECT', 'OPERATOR']);

export class InvalidTokenError extends Error {}

/**
 * Bearer tokens (JWT, HS256). The signing key is derived from the platform key by HKDF with its own label,
 * so it is as durable as the data it guards (one secret to configure) and never equals the fingerprint key.
 */
export class TokenService {
  private readonly key: KeyObject;
  /**
   * Tokens already verified, until they expire: a client sends the same token with every request, and
   * verifying a signature costs more than the rest of a small query. Bounded, oldest dropped first.
   */
  private readonly verified = new Map<string, { principal: Principal; expiresAt: number }>();
  private static readonly CACHE_SIZE = 10_000;

  constructor(platformKey: Buffer) {
    this.key = createSecretKey(Buffer.from(hkdfSync('sha256', platformKey, Buffer.alloc(0), 'himotoki bearer tokens v1', 32)));
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
    const known = this.verified.get(token);
    if (known && known.expiresAt > Date.now()) return known.principal;
    this.verified.delete(token);
    const { principal, expiresAt } = this.verifySignature(token);
    if (this.verified.size >= TokenService.CACHE_SIZE) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { principal, expiresAt });
    return principal;
  }

  /**
   * HS256 checked here with node:crypto, synchronously: jose checks it through WebCrypto, an asynchronous job
   * per token that took ~12% of the server's busy time (CPU profile) under citizens' queries (each citizen
   * brings their own token, so few are remembered), where an HMAC of a few hundred bytes takes microseconds
   * (~9 µs a token, against ~80 µs through jose). The rules are jose's:
   * the header names HS256 and nothing critical, the signature is the exact encoding of the MAC, the issuer is
   * ours, `exp` is due and `nbf` (if any) past.
   */
  private verifySignature(token: string): { principal: Principal; expiresAt: number } {
    const parts = token.split('.');
    if (parts.length !== 3) throw new InvalidTokenError('the token is not valid');
    const [header, payload, signature] = parts as [string, string, string];
    const expected = Buffer.from(createHmac('sha256', this.key).update(`${header}.${payload}`).digest('base64url'));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new InvalidTokenError('the token is not valid');
    const { alg, crit } = jsonObjectOf(header);
    if (alg !== 'HS256' || crit !== undefined) throw new InvalidTokenError('the token is not valid');
    const { iss, exp, nbf, role, org, subject, sub } = jsonObjectOf(payload);
    if (iss !== ISSUER) throw new InvalidTokenError('the token is not valid');
    if (typeof exp !== 'number' || !Number.isFinite(exp)) throw new InvalidTokenError('the token has no expiry');
    const now = Date.now() / 1000;
    if (nbf !== undefined && (typeof nbf !== 'number' || nbf > now)) throw new InvalidTokenError('the token is not valid yet');
    if (exp <= now) throw new InvalidTokenError('the token has expired');
    return { principal: principalOf(claim(role), claim(org), claim(subject), claim(sub)), expiresAt: exp * 1000 };
  }
}

/** A JOSE header or claims set: a JSON object in base64url, or the token is not valid. */
function jsonObjectOf(part: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidTokenError('the token is not valid');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidTokenError('the token is not valid');
  return value as Record<string, unknown>;
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
