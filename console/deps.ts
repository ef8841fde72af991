import type { Ctx } from '../src/domain/context.js';
import type { CounterNoticeCtx } from '../src/domain/counter-notices/business-days.js';
import type { Actor } from '../src/domain/schemas/index.js';
import type { User } from '../src/store/repos/users.js';
import type { Db } from '../src/store/open.js';

/** What the console needs from its host (Node or Workers); built once by the wiring. */
export interface ConsoleDeps {
  db: Db;
  /** A domain context for one request, acting as `actor`. */
  ctx(actor: Actor, requestId: string): CounterNoticeCtx;
  /** Send cookies with `Secure` (always, except plain-http local runs). */
  secureCookies: boolean;
  /** Reverse proxies (addresses or CIDR ranges) whose X-Forwarded-For names the client. */
  trustedProxies?: readonly string[];
  /** Form submissions allowed per client per hour. */
  reportRateLimit?: number;
  /** Where a submitted form is taken in: the same pipeline as email (store, then process). */
  intake?: (ctx: Ctx, raw: Uint8Array, channel: 'form' | 'api', origin: string) => Promise<{ caseNumber: string | null; status: string; unread?: string[] }>;
}

export interface ConsoleEnv {
  Variables: {
    requestId: string;
    user: User | null;
    csrfToken: string | null;
    sessionHash: string | null;
  };
}

export function actorOf(user: User): Actor {
  return { type: 'user', id: user.email, name: user.name };
}
