import type { Request } from 'express';
import type { Principal } from '../auth/principal.js';
import type { TokenService } from '../auth/token.service.js';
import { apiError } from './graphql-errors.js';

export interface GraphQLContext {
  principal: Principal | null;
  /** Why the bearer token was refused, when one was given and refused. */
  tokenProblem: string | null;
}

export async function contextFrom(request: Request, tokens: TokenService): Promise<GraphQLContext> {
  const header = request.headers.authorization;
  if (!header) return { principal: null, tokenProblem: null };
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) return { principal: null, tokenProblem: 'the Authorization header must be "Bearer <token>"' };
  try {
    return { principal: await tokens.verify(match[1]!), tokenProblem: null };
  } catch (error) {
    return { principal: null, tokenProblem: (error as Error).message };
  }
}

/** The principal, if it holds one of the roles; no token, no data. */
export function requireRole<R extends Principal['role']>(context: GraphQLContext, ...roles: R[]): Extract<Principal, { role: R }> {
  const { principal } = context;
  if (!principal) throw apiError('UNAUTHENTICATED', context.tokenProblem ?? 'send a bearer token (npx himotoki token --role …)');
  if (!(roles as string[]).includes(principal.role)) throw apiError('FORBIDDEN', `a ${principal.role} may not do this; it takes ${roles.join(' or ')}`);
  return principal as Extract<Principal, { role: R }>;
}
