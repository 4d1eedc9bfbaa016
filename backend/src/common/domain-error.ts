/** Codes of every domain error, mapped to HTTP statuses in one place (the exception filter). */
export const DOMAIN_ERROR_STATUS = {
  unauthorized: 401,
  not_found: 404,
  forbidden: 403,
  invalid_input: 400,
  conflict: 409,
  payload_too_large: 413,
  not_supported: 400,
  service_unavailable: 503,
  rate_limited: 429,
} as const;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_STATUS;

/** An expected failure with a message fit to show the caller. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
