import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { ConsoleEnv } from '../deps.js';

/**
 * The result of a form post, carried to the page the browser is redirected to
 * (post, redirect, get): reloading that page shows the result again instead of
 * sending the form twice. The cookie holds only what the poster was shown, so
 * a forged one shows its maker nothing of anyone else's.
 */
export interface Flash {
  name: string;
  /** The page that reads it; the browser sends it nowhere else. */
  path: string;
  maxAgeSeconds: number;
}

export function putFlash(c: Context<ConsoleEnv>, flash: Flash, value: unknown, secure: boolean): void {
  const encoded = Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
  setCookie(c, flash.name, encoded, { httpOnly: true, secure, sameSite: 'Strict', path: flash.path, maxAge: flash.maxAgeSeconds });
}

/** Reads the result; `once` deletes it so it is shown a single time (a new API token). */
export function readFlash(c: Context<ConsoleEnv>, flash: Flash, secure: boolean, once = false): unknown {
  const encoded = getCookie(c, flash.name);
  if (!encoded) return undefined;
  if (once) deleteCookie(c, flash.name, { path: flash.path, secure });
  try {
    return JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
