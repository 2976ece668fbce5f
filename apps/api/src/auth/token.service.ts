import { createSecretKey, hkdfSync, type KeyObject } from 'node:crypto';
import { SignJWT, errors, jwtVerify } from 'jose';
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
    const { principal, expiresAt } = await this.verifySignature(token);
    if (this.verified.size >= TokenService.CACHE_SIZE) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { principal, expiresAt });
    return principal;
  }

  private async verifySignature(token: string): Promise<{ principal: Principal; expiresAt: number }> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] }));
    } catch (error) {
      throw new InvalidTokenError(error instanceof errors.JWTExpired ? 'the token has expired' : 'the token is not valid');
    }
    const { role, org, subject, sub, exp } = payload as { role?: string; org?: string; subject?: string; sub?: string; exp?: number };
    if (!exp) throw new InvalidTokenError('the token has no expiry');
    return { principal: principalOf(role, org, subject, sub), expiresAt: exp * 1000 };
  }
}

/** The principal a verified token's claims name, or why they name none. */
function principalOf(role: string | undefined, org: string | undefined, subject: string | undefined, sub: string | undefined): Principal {
  if (!role || !ROLES.has(role) || !sub) throw new InvalidTokenError('the token names no role');
  if ((role === 'AUDITOR' || role === 'ORGANIZATION') && !org) throw new InvalidTokenError(`a ${role} token is bound to an organization`);
  if (role === 'SUBJECT' && !subject) throw new InvalidTokenError('a SUBJECT token is bound to a subject');
  if (role === 'SUBJECT') return { role, id: sub, subjectId: subject! };
  if (role === 'OPERATOR') return { role, id: sub };
  return { role: role as 'AUDITOR' | 'ORGANIZATION', id: sub, organizationId: org! };
}
