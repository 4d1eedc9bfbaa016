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
  // A chat turn that failed for a cause the user is told of (the message says it in their language).
  max_turns: 503,
  model_busy: 503,
  model_refused: 503,
  model_unreachable: 503,
  model_timeout: 503,
  model_invalid_response: 503,
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
