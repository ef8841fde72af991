import { z } from 'zod';
import { STATEMENTS } from '../../rules/finding-texts.js';
import { findCaseById } from '../../store/repos/cases.js';
import { listListingDecisions } from '../../store/repos/listing-decisions.js';
import { counterNoticeSettings, type CounterNoticeCtx } from './business-days.js';
import { NotFoundError } from '../errors.js';
import type { StructuredSubmission } from '../messages/read-content.js';
import type { Statement } from '../schemas/index.js';

/** The languages the form is written in; a platform's merchants get theirs. */
export type FormLanguage = 'en' | 'zh';

/** What the merchant's counter-notice page shows of one case: its number and the listings removed under it, nothing else. */
export interface CounterNoticeFormView {
  caseId: number;
  caseNumber: string;
  platform: string | null;
  /** The platform's name; null when the case names no platform. */
  platformName: string | null;
  language: FormLanguage;
  /** The DMCA 512(g)(3) procedure applies (the profile says so): the statements name a federal court. */
  dmca: boolean;
  /** Listings whose removal under this case still stands: the only ones a counter-notice may contest. */
  removed: string[];
  /** The statements the platform's procedure asks for, in the page's language, from the desk's one vocabulary. */
  statements: { mistake: string; jurisdiction: string };
  /** What happens once a reviewer forwards it: the profile's period, what the complainant may do, whether they get a copy. */
  procedure: { businessDays: number; complainantMay: 'reject' | 'report_court_action'; copyToComplainant: boolean };
}

/** Reads the one case a counter-notice token names. */
export async function readCounterNoticeForm(ctx: CounterNoticeCtx, caseId: number): Promise<CounterNoticeFormView> {
  const c = await findCaseById(ctx.db, caseId);
  if (!c || c.kind !== 'notice') throw new NotFoundError('There is no such case.');
  const profile = ctx.platforms.find((p) => p.id === c.platform);
  const language: FormLanguage = profile?.dsa?.merchantLanguage ?? 'en';
  const dmca = profile?.dmca ?? false;
  const removed = (await listListingDecisions(ctx.db, c.id)).filter((d) => d.decision === 'removed').map((d) => d.url);
  // In the order the complaint listed them, as the statement of reasons numbers them.
  const order = c.complaint.listings.map((l) => l.url);
  removed.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return {
    caseId: c.id,
    caseNumber: c.number,
    platform: c.platform,
    platformName: profile?.name ?? c.platform ?? null,
    language,
    dmca,
    removed,
    statements: { mistake: STATEMENTS.mistake[language], jurisdiction: (dmca ? STATEMENTS.counterJurisdiction : STATEMENTS.counterJurisdictionTerms)[language] },
    procedure: {
      businessDays: profile?.counterNotice?.businessDays ?? counterNoticeSettings(ctx).businessDays,
      complainantMay: profile?.counterNotice?.complainantMay ?? 'reject',
      copyToComplainant: profile?.counterNotice?.copyToComplainant ?? true,
    },
  };
}

const text = (max: number) => z.string().trim().max(max).default('');
const ticked = z.preprocess((v) => v === 'on' || v === true || v === 'true', z.boolean()).default(false);

/**
 * What the form sends. Only what the desk needs to act at all is required
 * here (which listings, an address to answer); statements and the signature
 * are checked by the same rules as an emailed counter-notice, so a missing
 * one gets the same deficiency handling.
 */
export const CounterNoticeFormInput = z.object({
  listings: z.preprocess((v) => (v === undefined ? [] : [v].flat()), z.array(z.string().max(2000)).max(800)),
  name: text(200),
  address: text(1000),
  phone: text(60),
  email: text(300),
  explanation: text(20_000),
  mistake: ticked,
  jurisdiction: ticked,
  signature: text(200),
});
export type CounterNoticeFormInput = z.infer<typeof CounterNoticeFormInput>;

/** Why a field was refused, as a code the page words in its language. */
export type FormFieldProblem = 'required' | 'email' | 'not_in_case' | 'too_long';

/** Field problems that stop the form from being filed at all; empty when it can be filed. */
export function formProblems(view: CounterNoticeFormView, raw: unknown): { input: CounterNoticeFormInput | null; problems: Record<string, FormFieldProblem> } {
  const parsed = CounterNoticeFormInput.safeParse(raw);
  if (!parsed.success) return { input: null, problems: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? '_'), 'too_long' as const])) };
  const input = parsed.data;
  const problems: Record<string, FormFieldProblem> = {};
  if (input.listings.length === 0) problems.listings = 'required';
  else if (input.listings.some((u) => !view.removed.includes(u))) problems.listings = 'not_in_case';
  if (!input.email) problems.email = 'required';
  else if (!z.string().email().safeParse(input.email).success) problems.email = 'email';
  if (!input.name) problems.name = 'required';
  // A DMCA counter-notice is how the complainant finds the merchant to sue: 512(g)(3)(D) asks for both.
  if (view.dmca && !input.address) problems.address = 'required';
  if (view.dmca && !input.phone) problems.phone = 'required';
  return { input, problems };
}

const yes: Statement = { present: true, evidence: null };
const no: Statement = { present: false, evidence: null };

const HEAD = {
  en: { about: 'Counter-notice about case', platform: 'Platform', material: 'Removed material (where it was before removal):', subject: 'Counter-notice' },
  zh: { about: '关于案件的反通知：', platform: '平台', material: '被删除的内容（删除前的位置）：', subject: '反通知' },
} as const;

/**
 * The counter-notice as the pipeline stores it: a text the complainant can
 * be sent as a copy (what the merchant stated, in the merchant's words and
 * the statements they ticked), and the fields taken as given. The subject
 * carries the case number, so it joins that case as an emailed one does.
 */
export function toCounterNoticeSubmission(view: CounterNoticeFormView, input: CounterNoticeFormInput): StructuredSubmission {
  const head = HEAD[view.language];
  const lines = [
    `${head.about} ${view.caseNumber}`,
    ...(view.platformName ? [`${head.platform}: ${view.platformName}`] : []),
    '',
    head.material,
    ...input.listings,
    '',
    ...(input.explanation ? [input.explanation, ''] : []),
    ...(input.mistake ? [view.statements.mistake] : []),
    ...(input.jurisdiction ? [view.statements.jurisdiction] : []),
    '',
    ...(input.signature ? [`/s/ ${input.signature}`] : []),
    [input.name, input.address, input.phone, input.email].filter(Boolean).join('\n'),
  ];
  const email = input.email.toLowerCase();
  return {
    subject: `[${view.caseNumber}] ${head.subject}`,
    text: lines.join('\n'),
    from: { name: input.name || null, address: email },
    platform: view.platform,
    overrides: {
      kind: 'counter_notice',
      language: view.language,
      referencedCase: view.caseNumber,
      listings: input.listings.map((url) => ({ url, platform: view.platform, kind: 'listing' as const, valid: true, problem: null, evidence: null })),
      complainant: { name: input.name || null, organisation: null, email, phone: input.phone || null, address: input.address || null },
      signature: input.signature || null,
      statements: { goodFaith: no, accuracy: no, perjury: input.mistake ? yes : no, mistake: input.mistake ? yes : no, jurisdictionConsent: input.jurisdiction ? yes : no },
      // Ticked or not is known from the form: nothing is left for a reviewer to read in the words.
      elementHints: {},
      disclosureConsent: false,
    },
    attachments: [],
  };
}
