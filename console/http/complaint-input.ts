import { z } from 'zod';
import type { StructuredSubmission } from '../../src/domain/messages/read-content.js';
import { IprType, Reason, type DocumentKind, type Statement } from '../../src/domain/schemas/index.js';
import type { PlatformProfile } from '../../src/rules/platform-profile.js';
import { STATEMENTS } from '../../src/rules/finding-texts.js';

const text = (max: number) => z.string().trim().max(max);
const checked = (message: string) => z.preprocess((v) => v === 'on' || v === true || v === 'true', z.literal(true, { error: message }));

/** One complaint as the form and the API take it; the same rules for both. */
export const ComplaintInput = z.object({
  platform: text(60).min(1, 'Choose the platform.'),
  iprType: IprType,
  registrationNumber: text(120).optional(),
  jurisdiction: text(40).optional(),
  location: z.enum(['listing', 'storefront']).default('listing'),
  reason: Reason,
  listingUrls: text(200_000).min(1, 'Give at least one listing URL, one per line.'),
  description: text(20_000).min(20, 'Describe in a sentence or two why the listings infringe.'),
  role: z.enum(['owner', 'agent']),
  rightsOwner: text(300).min(1, 'Name the rights owner.'),
  name: text(200).min(1, 'Give your name.'),
  organisation: text(300).optional(),
  email: z.string().trim().email('Give an email address we can answer.').max(300),
  phone: text(60).optional(),
  address: text(1000).optional(),
  disclosureConsent: z.preprocess((v) => v === 'on' || v === true || v === 'true', z.boolean()).default(false),
  goodFaith: checked('Confirm the good-faith statement.'),
  accuracy: checked('Confirm the statement under penalty of perjury.'),
  signature: text(200).min(2, 'Type your full name as a signature.'),
});
export type ComplaintInput = z.infer<typeof ComplaintInput>;

export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_');
    out[key] ??= issue.code === 'invalid_value' || issue.code === 'invalid_type' ? (issue.message.startsWith('Invalid') ? 'Choose a value.' : issue.message) : issue.message;
  }
  return out;
}

/** What is wrong with the listing URLs given. */
export type UrlProblem = { code: 'not_url'; url: string } | { code: 'over_limit'; count: number; limit: number; platform: string | null };

/** Splits the URL box (and an optional CSV of links) and checks the count against the platform's limit. */
export function listingUrls(input: string, csv: string | null, platform: PlatformProfile | undefined): { urls: string[]; problem: UrlProblem | null; error: string | null } {
  const fromCsv = csv ? csv.split(/[\r\n,;]+/).map((s) => s.trim().replace(/^"|"$/g, '')).filter((s) => /^https?:\/\//i.test(s)) : [];
  const urls = [...input.split(/\r?\n/).map((s) => s.trim()).filter(Boolean), ...fromCsv];
  const bad = urls.find((u) => !/^https?:\/\/\S+$/i.test(u));
  if (bad) return { urls, problem: { code: 'not_url', url: bad.slice(0, 80) }, error: `Not a URL (one per line): ${bad.slice(0, 80)}` };
  const limit = fromCsv.length ? (platform?.urlLimit.bulk ?? 800) : (platform?.urlLimit.perComplaint ?? 200);
  if (urls.length > limit) {
    return { urls, problem: { code: 'over_limit', count: urls.length, limit, platform: platform?.name ?? null }, error: `${urls.length} URLs is over the limit of ${limit} for ${platform?.name ?? 'this platform'}.` };
  }
  return { urls, problem: null, error: null };
}

const yes: Statement = { present: true, evidence: null };
const no: Statement = { present: false, evidence: null };

/** The submission the pipeline reads: a text the parser can read plus the fields the sender chose explicitly. */
/**
 * The submission the pipeline stores. `documents` are the kinds of the files the
 * sender uploaded in a labelled field (identity, certificate, authorization):
 * what they are is known from the field, not guessed from the file.
 */
export function toSubmission(input: ComplaintInput, urls: string[], files: StructuredSubmission['attachments'], documents: DocumentKind[] = [], language?: 'en' | 'zh'): StructuredSubmission {
  // A form filled in Chinese states the statements as the sender read them, and is answered in Chinese.
  const said = language ?? 'en';
  const lines = [
    `Platform: ${input.platform}`,
    `IPR type: ${input.iprType}${input.registrationNumber ? `, registration ${input.registrationNumber}` : ''}${input.jurisdiction ? ` (${input.jurisdiction})` : ''}`,
    `Rights owner: ${input.rightsOwner}`,
    `Reason: ${input.reason.replace(/_/g, ' ')}`,
    '',
    'Infringing listings:',
    ...urls,
    '',
    input.description,
    '',
    STATEMENTS.complaintGoodFaith[said],
    STATEMENTS.complaintAccuracy[said],
    '',
    `/${input.signature}/`,
    [input.name, input.organisation, input.email, input.phone, input.address].filter(Boolean).join('\n'),
  ];
  return {
    subject: said === 'zh' ? `关于 ${input.platform} 上 ${urls.length} 个商品链接的投诉` : `Complaint about ${urls.length} listing(s) on ${input.platform}`,
    text: lines.join('\n'),
    from: { name: input.name, address: input.email.toLowerCase() },
    platform: input.platform,
    overrides: {
      kind: 'notice',
      ...(language ? { language } : {}),
      iprType: input.iprType,
      reason: input.reason,
      location: input.location,
      rightsOwner: input.rightsOwner,
      isAgent: input.role === 'agent',
      complainant: { name: input.name, organisation: input.organisation ?? null, email: input.email.toLowerCase(), phone: input.phone ?? null, address: input.address ?? null },
      disclosureConsent: input.disclosureConsent,
      signature: input.signature,
      statements: { goodFaith: yes, accuracy: yes, perjury: yes, mistake: no, jurisdictionConsent: no },
      ...(documents.length ? { documents: documents.map((kind) => ({ kind, foundIn: 'attachment' as const, expiresOn: null, evidence: null })) } : {}),
      // Structured fields are taken as given; the parser only reads the free text.
      ...(input.registrationNumber
        ? { iprs: [{ type: input.iprType, registrationNumber: input.registrationNumber, jurisdiction: input.jurisdiction?.trim().toUpperCase() || null, classes: [], patentKind: null, expiresOn: null, pending: false, evidence: null }] }
        : {}),
    },
    attachments: files,
  };
}
