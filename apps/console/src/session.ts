/**
 * The bearer token of this browser tab. It arrives pasted, or in a link's fragment (`#token=…`), which a
 * browser never sends to a server, so it reaches no log; it is kept in sessionStorage (this tab only, gone
 * when the tab closes) and the fragment is wiped from the address bar at once.
 */
export type Role = 'AUDITOR' | 'ORGANIZATION' | 'SUBJECT' | 'OPERATOR';

export interface Session {
  token: string;
  role: Role;
  /** Who the token names (the staff member, the organization, the citizen). */
  name: string;
  organizationId?: string;
  subjectId?: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

const KEY = 'himotoki.token';
const ROLES = new Set<Role>(['AUDITOR', 'ORGANIZATION', 'SUBJECT', 'OPERATOR']);

export class TokenProblem extends Error {
  constructor(readonly reason: 'malformed' | 'expired') {
    super(reason);
  }
}

function base64UrlJson(part: string): Record<string, unknown> {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4)), (c) => c.charCodeAt(0));
  const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
  return value as Record<string, unknown>;
}

/**
 * Reads what the token says about its bearer, to choose the pages; the server checks the signature on every
 * request, so nothing here is trusted for access.
 */
export function readToken(token: string, now = Date.now()): Session {
  const trimmed = token.trim().replace(/^Bearer\s+/i, '');
  const parts = trimmed.split('.');
  if (parts.length !== 3) throw new TokenProblem('malformed');
  let claims: Record<string, unknown>;
  try {
    claims = base64UrlJson(parts[1]!);
  } catch {
    throw new TokenProblem('malformed');
  }
  const role = claims.role as Role;
  if (!ROLES.has(role) || typeof claims.exp !== 'number') throw new TokenProblem('malformed');
  const session: Session = {
    token: trimmed,
    role,
    name: typeof claims.sub === 'string' ? claims.sub : role,
    organizationId: typeof claims.org === 'string' ? claims.org : undefined,
    subjectId: typeof claims.subject === 'string' ? claims.subject : undefined,
    expiresAt: claims.exp * 1000,
  };
  if (session.expiresAt <= now) throw new TokenProblem('expired');
  return session;
}

/** Takes a token from the link's fragment, if there is one, and wipes the fragment from the address bar. */
export function takeTokenFromLink(): string | undefined {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const token = fragment.get('token');
  if (!token) return undefined;
  history.replaceState(history.state, '', window.location.pathname + window.location.search);
  return token;
}

export function storedToken(): string | undefined {
  return sessionStorage.getItem(KEY) ?? undefined;
}

export function storeToken(token: string): void {
  sessionStorage.setItem(KEY, token);
}

export function forgetToken(): void {
  sessionStorage.removeItem(KEY);
}
