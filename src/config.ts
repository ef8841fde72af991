import { z } from 'zod';

const optionalUrl = (schemes: string[]) =>
  z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .optional()
    .refine((v) => v === undefined || schemes.some((s) => v.startsWith(`${s}://`)), {
      message: `must start with ${schemes.map((s) => `${s}://`).join(' or ')}`,
    });

/** Six months and a few days: DSA Art. 20 keeps internal complaints open for at least six months after a decision. */
export const LINK_DAYS_DEFAULT = 184;

/** Settings that were replaced; a start that still sets one is told what to use instead. */
const REPLACED: Record<string, string> = {
  NOTICEDESK_STATUS_LINK_DAYS: 'NOTICEDESK_LINK_DAYS',
  NOTICEDESK_COUNTER_NOTICE_LINK_DAYS: 'NOTICEDESK_LINK_DAYS',
};

/** Every setting Noticedesk reads, with its default; see .env.example. */
export const Config = z.object({
  NOTICEDESK_DB: z.string().min(1).default('data/noticedesk.sqlite'),
  NOTICEDESK_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  NOTICEDESK_HOST: z.string().default('127.0.0.1'),
  NOTICEDESK_DATA_DIR: z.string().default('data'),
  NOTICEDESK_PUBLIC_URL: z.string().url().optional(),
  /** One or more `imap://user:pass@host:port/MAILBOX` URLs, separated by commas or spaces. */
  NOTICEDESK_IMAP_URL: optionalUrl(['imap', 'imaps']).transform((v) => (v ? v.split(/[\s,]+/).filter(Boolean) : [])),
  NOTICEDESK_SMTP_URL: optionalUrl(['smtp', 'smtps']),
  NOTICEDESK_FROM: z.string().email().default('ipr@noticedesk.localhost'),
  /** The desk's name: the From display name and the sign-off of every mail. */
  NOTICEDESK_FROM_NAME: z.string().trim().min(1).max(80).regex(/^[^\r\n<>"]+$/, 'one line, without < > or "').default('IPR Desk'),
  /**
   * The authserv-id(s) your receiving mail server writes in Authentication-Results
   * (comma-separated). Only mail it authenticated may withdraw or extend a case.
   */
  NOTICEDESK_AUTHSERV_ID: z.string().default('').transform((v) => v.split(/[\s,]+/).filter(Boolean)),
  /** Reverse proxies (addresses or CIDR ranges, comma-separated) whose X-Forwarded-For names the client. */
  NOTICEDESK_TRUSTED_PROXIES: z.string().default('').transform((v) => v.split(/[\s,]+/).filter(Boolean)),
  /**
   * Key that signs links in mails (status page, confirmations); at least 32 characters.
   * Unset: one is made and kept in NOTICEDESK_DATA_DIR/link-secret. Several instances must share one.
   */
  NOTICEDESK_LINK_SECRET: z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .optional()
    .refine((v) => v === undefined || Buffer.byteLength(v) >= 32, { message: 'must be at least 32 characters' }),
  /**
   * Days every link the desk hands out stays valid: the complainant's status page and the merchant's
   * counter-notice form (in listing.remove events and statements of reasons). The default, six months,
   * covers a counter-notice period and the restoration after it, and the six months DSA Art. 20 keeps
   * internal complaints open.
   */
  NOTICEDESK_LINK_DAYS: z.coerce.number().int().min(30, 'must be at least 30 (a counter-notice period and the restoration after it)').max(3650).default(LINK_DAYS_DEFAULT),
  NOTICEDESK_MAX_ATTACHMENT_BYTES: z.coerce.number().int().positive().default(25 * 1024 * 1024),
  NOTICEDESK_COUNTER_NOTICE_BUSINESS_DAYS: z.coerce.number().int().positive().default(3),
  /**
   * Where webhook events go: one URL, or several separated by commas. Each endpoint gets every event.
   * NOTICEDESK_WEBHOOK_SECRET holds one secret for all of them, or one per URL in the same order.
   */
  NOTICEDESK_WEBHOOK_URL: z.string().default('').transform((v) => v.split(/[\s,]+/).filter(Boolean)),
  NOTICEDESK_WEBHOOK_SECRET: z.string().default('').transform((v) => v.split(/[\s,]+/).filter(Boolean)),
  /** First retry delay of a failed webhook; each next one doubles (with jitter) up to an hour. */
  NOTICEDESK_WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().positive().default(10_000),
  /** How long a webhook is retried before it is marked failed (then only "retry now" sends it). */
  NOTICEDESK_WEBHOOK_RETRY_HOURS: z.coerce.number().positive().min(24).default(72),
  /** Time allowed for the endpoint to answer one delivery. */
  NOTICEDESK_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().max(120_000).default(10_000),
  /**
   * The platform's endpoint that names the merchant of a listing (answers {"merchant":{"email","name"}});
   * set, the desk asks it for every removed listing and mails the merchant its statement of reasons.
   */
  NOTICEDESK_MERCHANT_LOOKUP_URL: optionalUrl(['https', 'http']),
  /** GET (`?url=&platform=&case_number=`) or POST (the same as JSON). */
  NOTICEDESK_MERCHANT_LOOKUP_METHOD: z.enum(['GET', 'POST']).default('GET'),
  /** Time the lookup endpoint has to answer, in ms. */
  NOTICEDESK_MERCHANT_LOOKUP_TIMEOUT_MS: z.coerce.number().int().positive().max(120_000).default(10_000),
  /** Threads that render the queue and stats pages beside the main thread; 0 renders them on the main thread. */
  NOTICEDESK_PAGE_WORKERS: z.coerce.number().int().min(0).max(16).optional(),
  /** The DSA Transparency Database (https://transparency.dsa.ec.europa.eu, or its sandbox); unset, nothing is submitted. */
  NOTICEDESK_DSA_API_URL: optionalUrl(['https', 'http']),
  /** The platform's API token for the Transparency Database; needed with NOTICEDESK_DSA_API_URL. */
  NOTICEDESK_DSA_API_TOKEN: z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .optional(),
  /** Seconds between two submission runs to the Transparency Database. */
  NOTICEDESK_DSA_SUBMIT_SECONDS: z.coerce.number().int().positive().max(86400).default(300),
  SLACK_SIGNING_SECRET: z.string().optional(),
  SLACK_BOT_TOKEN: z.string().optional(),
  SLACK_APP_TOKEN: z.string().optional(),
  SLACK_CHANNEL: z.string().optional(),
  SLACK_API_URL: z.string().url().optional(),
});
export type Config = z.infer<typeof Config>;

const ConfigChecked = Config.superRefine((c, ctx) => {
  if (c.NOTICEDESK_DSA_API_URL && !c.NOTICEDESK_DSA_API_TOKEN) ctx.addIssue({ code: 'custom', path: ['NOTICEDESK_DSA_API_TOKEN'], message: 'required when NOTICEDESK_DSA_API_URL is set' });
});

export class ConfigError extends Error {}

/** Reads the environment once at start; a bad value stops the start with a readable list. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = ConfigChecked.safeParse(env);
  const replaced = Object.entries(REPLACED).flatMap(([old, now]) => (env[old] !== undefined ? [`  ${old}: replaced by ${now} (one validity period for every link); set that instead`] : []));
  if (result.success && replaced.length === 0) return result.data;
  const lines = [...replaced, ...(result.success ? [] : result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`))];
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}\nSee .env.example for every setting.`);
}
