/**
 * A command refused by the domain: `field` is the path of the offending input (e.g. `payload.records[1]`),
 * `reason` says why in words. Nothing is stored when one is raised.
 */
export class DomainError extends Error {
  constructor(
    readonly code: 'INVALID_INPUT' | 'NOT_FOUND' | 'INVARIANT' | 'FORBIDDEN',
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

export const invalid = (field: string, reason: string) => new DomainError('INVALID_INPUT', field, reason);
export const notFound = (field: string, reason: string) => new DomainError('NOT_FOUND', field, reason);
export const invariant = (field: string, reason: string) => new DomainError('INVARIANT', field, reason);
export const forbidden = (field: string, reason: string) => new DomainError('FORBIDDEN', field, reason);
