import { z } from 'zod';

/**
 * Where a value was read from: character offsets into the text the parser saw
 * (`source` names that text: `body`, or `attachment:<file name>`), plus the
 * quoted text itself so a reviewer sees it without the original at hand.
 */
export const Span = z.object({
  source: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type Span = z.infer<typeof Span>;

export const NoticeKind = z.enum(['notice', 'counter_notice', 'retraction', 'reply', 'auto_reply', 'bounce', 'other']);
export type NoticeKind = z.infer<typeof NoticeKind>;

export const IprType = z.enum(['trademark', 'copyright', 'patent', 'design']);
export type IprType = z.infer<typeof IprType>;

export const PatentKind = z.enum(['invention', 'utility_model', 'design']);
export type PatentKind = z.infer<typeof PatentKind>;

export const Reason = z.enum([
  'counterfeit',
  'trademark_misuse',
  'pirated_product',
  'unauthorized_content_in_product',
  'image_misuse',
  'text_misuse',
  'patent_infringement',
  'copyright_infringement',
  'other',
]);
export type Reason = z.infer<typeof Reason>;

export const Party = z.object({
  name: z.string().nullable(),
  organisation: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
});
export type Party = z.infer<typeof Party>;

export const IprRecord = z.object({
  type: IprType,
  registrationNumber: z.string().nullable(),
  /** Issuing office or jurisdiction, as an ISO 3166 code where known (CN, US, EU, WIPO...). */
  jurisdiction: z.string().nullable(),
  classes: z.array(z.number().int().positive()),
  patentKind: PatentKind.nullable(),
  expiresOn: z.string().nullable(),
  /** A filing receipt for a pending application is not proof of a right. */
  pending: z.boolean(),
  evidence: Span.nullable(),
});
export type IprRecord = z.infer<typeof IprRecord>;

export const ListingKind = z.enum(['listing', 'storefront', 'search', 'other_site']);
export type ListingKind = z.infer<typeof ListingKind>;

export const Listing = z.object({
  url: z.string(),
  /** Platform profile id the URL belongs to, or null when no profile claims it. */
  platform: z.string().nullable(),
  kind: ListingKind,
  valid: z.boolean(),
  /** Why it is not valid (wrong platform, search page, malformed...). */
  problem: z.string().nullable(),
  evidence: Span.nullable(),
});
export type Listing = z.infer<typeof Listing>;

export const UrlRole = z.enum(['infringing', 'original', 'evidence', 'licence', 'sender_site', 'ignored']);

/** The role the parser gave one URL of the notice, why, and how sure it is. */
export const UrlRoleDecision = z.object({
  url: z.string(),
  role: UrlRole,
  /** Stable reason code (`takedown_section`, `licence_file`...). */
  reason: z.string(),
  /** The reason in words, for the reviewer. */
  because: z.string(),
  confidence: z.number().min(0).max(1),
  evidence: Span.nullable(),
});
export type UrlRoleDecision = z.infer<typeof UrlRoleDecision>;

/** A statement found in the text, with the words that made it. */
export const Statement = z.object({
  present: z.boolean(),
  evidence: Span.nullable(),
});
export type Statement = z.infer<typeof Statement>;

export const Statements = z.object({
  goodFaith: Statement,
  accuracy: Statement,
  perjury: Statement,
  /** Counter-notice: under penalty of perjury, removed by mistake or misidentification. */
  mistake: Statement,
  /** Counter-notice: consent to a federal court's jurisdiction and to accept service. */
  jurisdictionConsent: Statement,
});
export type Statements = z.infer<typeof Statements>;

export const DocumentKind = z.enum([
  'identity',
  'business_licence',
  'ipr_certificate',
  'filing_receipt',
  'renewal_or_assignment',
  'authorization',
  'claim_chart',
  'patent_evaluation_report',
  'copyright_claim_statement',
  'comparison_evidence',
]);
export type DocumentKind = z.infer<typeof DocumentKind>;

/** A supporting document, said to be attached or actually found in an attachment. */
export const DocumentMention = z.object({
  kind: DocumentKind,
  /** `attachment` when an attached file holds it, `text` when only the message mentions it. */
  foundIn: z.enum(['text', 'attachment']),
  expiresOn: z.string().nullable(),
  evidence: Span.nullable(),
});
export type DocumentMention = z.infer<typeof DocumentMention>;

export const EvidenceFile = z.object({
  sha256: z.string(),
  filename: z.string().nullable(),
  contentType: z.string(),
  size: z.number().int().nonnegative(),
});
export type EvidenceFile = z.infer<typeof EvidenceFile>;

/**
 * The structured complaint read from a notice, counter-notice, retraction or
 * form submission. Unknown values are null, never guessed.
 */
export const Complaint = z.object({
  kind: NoticeKind,
  /** BCP 47 primary tag of the sender's language: `en`, `zh`... */
  language: z.string(),
  subject: z.string().nullable(),
  complainant: Party,
  complainantEvidence: Span.nullable(),
  /** How sure the parser is that the complainant's details are the sender's contact details; below `CONTACT_CONFIDENT` they are a reviewer's question. Absent on complaints stored before it was read. */
  contactConfidence: z.number().min(0).max(1).optional(),
  rightsOwner: z.string().nullable(),
  rightsOwnerEvidence: Span.nullable(),
  /** How sure the parser is of `rightsOwner`: 0.5 (nothing read) to 0.99. Absent on complaints stored before it was read. */
  rightsOwnerConfidence: z.number().min(0).max(1).optional(),
  /** true: writes for a separate owner; false: the owner or its staff; null: unclear. */
  isAgent: z.boolean().nullable(),
  /** How sure the parser is of `isAgent`: 0.5 (a guess) to 0.99. Absent on complaints stored before it was read. */
  agentConfidence: z.number().min(0).max(1).optional(),
  agentEvidence: Span.nullable(),
  iprType: IprType.nullable(),
  iprs: z.array(IprRecord),
  /** Platform profile id (for example `taobao`, `github`). */
  platform: z.string().nullable(),
  location: z.enum(['listing', 'storefront']).nullable(),
  reason: Reason.nullable(),
  workDescription: z.string().nullable(),
  workEvidence: Span.nullable(),
  listings: z.array(Listing),
  /** URLs of the original work: named in the notice, never taken down. */
  originalWorkUrls: z.array(z.string()),
  /** Every URL of the notice with its role and confidence; roles below the confidence bar go to a reviewer. */
  urlRoles: z.array(UrlRoleDecision).optional(),
  statements: Statements,
  signature: z.string().nullable(),
  signatureEvidence: Span.nullable(),
  /** The score of the signature reading (`SIGNATURE_THRESHOLD` and up), absent when none was read or on complaints stored before it was scored. */
  signatureConfidence: z.number().min(0).max(1).optional(),
  documents: z.array(DocumentMention),
  evidenceFiles: z.array(EvidenceFile),
  disclosureConsent: z.boolean(),
  /** A case number this message refers to (`ND-2026-000123`), when it names one. */
  referencedCase: z.string().nullable(),
  /** Targets named without a URL (`the owner/repo repository`): enough to locate, not a listing. */
  materialReferences: z.array(z.string()).optional(),
  /**
   * Traces of each element in the sender's words (lexicon words, shapes such as an
   * address or a name closing the letter), found whether or not the element was read.
   */
  elementHints: z.record(z.string(), z.array(z.string())).optional(),
});
export type Complaint = z.infer<typeof Complaint>;
