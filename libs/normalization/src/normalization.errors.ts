/**
 * Bad input to a normalizer: names the offending field (as the caller called it, e.g. `subjects[3].birthDate`) and
 * the reason. Same shape as the event store's InvalidAppendError, so the API maps both the same way.
 */
export class NormalizationError extends Error {
  readonly code = 'INVALID_INPUT';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'NormalizationError';
  }
}
