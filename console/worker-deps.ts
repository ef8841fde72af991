import { loadConfig } from '../src/config.js';
import { submitStructured } from '../src/domain/cases/submit-structured.js';
import { makeCtx, type CtxBase, type FileStore } from '../src/domain/context.js';
import { DomainError } from '../src/domain/errors.js';
import { openD1Database, type D1Binding } from '../src/store/d1.js';
import type { ConsoleDeps } from './deps.js';
import { bundledHolidays, bundledPlatforms } from './worker-data.js';
import { inlineWork } from '../src/intake/untrusted/inline-work.js';

/** The part of Cloudflare's `R2Bucket` binding the file store uses. */
export interface R2BucketLike {
  head(key: string): Promise<unknown>;
  put(key: string, value: Uint8Array): Promise<unknown>;
  get(key: string): Promise<{ arrayBuffer(): Promise<ArrayBuffer> } | null>;
}

/** Bindings and `[vars]` from wrangler.toml; the vars are read with the same schema as the Node environment. */
export interface WorkerEnv {
  DB: D1Binding;
  FILES?: R2BucketLike;
  [name: string]: unknown;
}

/**
 * D1 keeps at most 2 MB in one value, and a submission is stored byte for byte
 * (attachments included) before it is read; larger ones are refused up front.
 */
export const MAX_WORKER_SUBMISSION_BYTES = 1_900_000;

/** The console's dependencies inside a Worker: D1 for the store, R2 (if bound) for attachments, no mailer. */
export function workerConsoleDeps(env: WorkerEnv): ConsoleDeps {
  const vars = Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'));
  const config = loadConfig(vars);
  const db = openD1Database(env.DB);
  const counterNotice = { businessDays: config.NOTICEDESK_COUNTER_NOTICE_BUSINESS_DAYS, holidays: bundledHolidays() };
  const platforms = bundledPlatforms();
  const base: CtxBase = {
    db,
    now: () => new Date(),
    platforms,
    // No threads here; pdf.js needs DOM classes workerd lacks, so a PDF is kept and its text recorded as not read.
    work: inlineWork(platforms, async () => ({ text: null, problem: 'PDF text is not read by the Workers deployment; the file is kept' })),
    files: env.FILES ? r2FileStore(env.FILES) : refusingFileStore(),
    ownAddresses: [config.NOTICEDESK_FROM],
    limits: { maxAttachmentBytes: config.NOTICEDESK_MAX_ATTACHMENT_BYTES },
    // No data folder to keep a generated key in: status links exist only with a configured secret and address.
    ...(config.NOTICEDESK_LINK_SECRET && config.NOTICEDESK_PUBLIC_URL
      ? { links: { secret: config.NOTICEDESK_LINK_SECRET, days: config.NOTICEDESK_LINK_DAYS, publicUrl: config.NOTICEDESK_PUBLIC_URL.replace(/\/+$/, '') } }
      : {}),
  };
  return {
    db,
    ctx: (actor, requestId) => ({ ...makeCtx(base, actor, requestId), counterNotice }),
    secureCookies: !(config.NOTICEDESK_PUBLIC_URL ?? '').startsWith('http://'),
    intake: async (ctx, raw, channel, origin) => {
      if (raw.byteLength > MAX_WORKER_SUBMISSION_BYTES) {
        throw new DomainError('invalid_input', 'This desk takes submissions of up to 1.9 MB, attachments included. Send larger evidence by email.', {
          fields: { evidence: 'the submission is over 1.9 MB' },
        });
      }
      return submitStructured(ctx, raw, channel, origin);
    },
  };
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Attachments in R2, addressed by SHA-256 like the disk store under Node. */
function r2FileStore(bucket: R2BucketLike): FileStore {
  return {
    async put(bytes) {
      const sha256 = await sha256Hex(bytes);
      if (!(await bucket.head(`attachments/${sha256}`))) await bucket.put(`attachments/${sha256}`, bytes);
      return sha256;
    },
    async get(sha256) {
      if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
      const object = await bucket.get(`attachments/${sha256}`);
      return object ? new Uint8Array(await object.arrayBuffer()) : null;
    },
  };
}

/** Without an R2 bucket there is nowhere to keep uploads: say so instead of losing them. */
function refusingFileStore(): FileStore {
  return {
    async put() {
      throw new DomainError('invalid_input', 'This desk does not accept attachments (no file storage is configured). Send the evidence by email.', {
        fields: { evidence: 'attachments are not accepted here' },
      });
    },
    async get() {
      return null;
    },
  };
}
