import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError, type DomainErrorCode } from '../../src/domain/errors.js';
import type { ConsoleEnv } from '../deps.js';

const STATUS: Record<DomainErrorCode, ContentfulStatusCode> = {
  not_found: 404,
  conflict: 409,
  invalid_input: 422,
  invalid_notice: 422,
  forbidden: 403,
  rate_limited: 429,
};

/** The one error shape every JSON answer uses. */
export interface ErrorBody {
  error: { code: string; message: string; requestId: string; details?: Record<string, unknown> };
}

export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Maps any thrown error once: domain errors keep their message, anything else is hidden behind the request id. */
export function toErrorBody(error: unknown, requestId: string): { status: ContentfulStatusCode; body: ErrorBody } {
  if (error instanceof DomainError) {
    return { status: STATUS[error.code], body: { error: { code: error.code, message: error.message, requestId, details: error.details } } };
  }
  if (error instanceof HttpError) return { status: error.status, body: { error: { code: error.code, message: error.message, requestId } } };
  // Hono's own refusals (a body that is not JSON, a malformed request) keep their status and message.
  if (error instanceof HTTPException && error.status < 500) {
    return { status: error.status as ContentfulStatusCode, body: { error: { code: 'bad_request', message: error.message, requestId } } };
  }
  return { status: 500, body: { error: { code: 'internal', message: 'Something went wrong on our side. Quote the request id if you report it.', requestId } } };
}

export function wantsJson(c: Context<ConsoleEnv>): boolean {
  return c.req.path.startsWith('/api/') || (c.req.header('accept') ?? '').startsWith('application/json');
}
