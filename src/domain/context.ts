import { randomUUID } from 'node:crypto';
import type { Db } from '../store/open.js';
import type { PlatformProfile } from '../rules/platform-profile.js';
import type { UntrustedWork } from './messages/untrusted-work.js';
import type { WebhookSettings } from './webhooks/record-events.js';
import { SYSTEM, type Actor } from './schemas/index.js';

/** Where attachment bytes live (disk under data/, or an object store elsewhere). */
export interface FileStore {
  put(bytes: Uint8Array): Promise<string>;
  get(sha256: string): Promise<Uint8Array | null>;
}

/** Limits that protect the intake from hostile input, whatever the platform. */
export interface IntakeLimits {
  /** Attachments larger than this are recorded but not kept. */
  maxAttachmentBytes: number;
}

/**
 * What every domain verb receives: the database, who acts, a request id for
 * the logs, the clock, and the ports the verb may use.
 */
export interface Ctx {
  db: Db;
  actor: Actor;
  requestId: string;
  now: () => Date;
  platforms: readonly PlatformProfile[];
  files: FileStore;
  /** Our own addresses: mail from them is never answered. */
  ownAddresses: readonly string[];
  limits: IntakeLimits;
  /** The message reader, PDF text extractor and parser: bounded threads under Node, inline in Workers and tests. */
  work: UntrustedWork;
  /** Which receiving servers' Authentication-Results are believed; none means no email sender is authenticated. */
  mailAuth?: { trustedAuthservIds: readonly string[] };
  /** Whether reviewers @mentioned in a note can be told by Slack (the bot runs); otherwise they get a mail. */
  mentions?: { slack: boolean };
  /** Signs links mailed to parties (status page, confirmations); absent where no links are made. */
  links?: LinkSettings;
  /** The platform's webhook endpoints; absent or empty, no webhook events are recorded. */
  webhooks?: WebhookSettings;
}

export interface LinkSettings {
  secret: string;
  /** Days every link the desk hands out stays valid (status page, counter-notice form). */
  days: number;
  /** Public address of the console; links are made against it. */
  publicUrl: string;
}

export type CtxBase = Omit<Ctx, 'actor' | 'requestId'>;

export function makeCtx(base: CtxBase, actor: Actor = SYSTEM, requestId: string = randomUUID()): Ctx {
  return { ...base, actor, requestId };
}
