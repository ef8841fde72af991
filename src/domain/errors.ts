/** Error codes every transport maps once (HTTP status, Slack reply, CLI exit). */
export type DomainErrorCode = 'not_found' | 'conflict' | 'invalid_input' | 'invalid_notice' | 'forbidden' | 'rate_limited';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('conflict', message, details);
    this.name = 'ConflictError';
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('not_found', message, details);
    this.name = 'NotFoundError';
  }
}
