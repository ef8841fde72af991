import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ConsoleEnv } from '../deps.js';
import { HttpError } from './errors.js';

/** Eleven 5 MB files at most, base64 or multipart: the form and the API complaint. */
export const SUBMISSION_BODY_BYTES = 80 * 1024 * 1024;
/** Sign-in and sign-out carry an email, a password and a token. */
export const AUTH_BODY_BYTES = 4 * 1024;
/** Reviewer actions: a decision, a note, a reply draft. */
export const ACTION_BODY_BYTES = 1024 * 1024;

/** The body limit of each route, checked before a byte is read (Content-Length, then while streaming). */
export function bodyLimitFor(path: string): number {
  if (path === '/login' || path === '/logout') return AUTH_BODY_BYTES;
  if (path === '/report' || path === '/api/v1/complaints') return SUBMISSION_BODY_BYTES;
  return ACTION_BODY_BYTES;
}

/** `pages` answers a too-large body on a path with a page of its own (the public form, in its language). */
export function routeBodyLimits(pages: Record<string, (c: Context<ConsoleEnv>) => Response | Promise<Response>> = {}): MiddlewareHandler<ConsoleEnv> {
  const limits = new Map<number, MiddlewareHandler>();
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const max = bodyLimitFor(c.req.path);
    let limit = limits.get(max);
    if (!limit) {
      limit = bodyLimit({ maxSize: max, onError: (cc) => pages[cc.req.path]?.(cc as Context<ConsoleEnv>) ?? cc.text('The request is too large.', 413) });
      limits.set(max, limit);
    }
    return limit(c, next);
  };
}

/**
 * Reads a form body; a body that is not a readable form (multipart without
 * a boundary, cut off, parts without headers) is the sender's error, answered
 * 400 with what went wrong, never a server error.
 */
export async function readForm(c: Context<ConsoleEnv>, options: { all?: boolean } = {}): Promise<Record<string, string | File | Array<string | File>>> {
  try {
    return (await c.req.parseBody({ all: options.all ?? false })) as Record<string, string | File | Array<string | File>>;
  } catch (error) {
    throw new HttpError(400, 'bad_request', `The form could not be read: ${(error as Error).message.slice(0, 200)}`);
  }
}
