import { z } from 'zod';
import { DocumentKind, IprType, PatentKind } from '../domain/schemas/complaint.js';
import { DEFAULT_SLA, SlaPolicy } from './sla.js';

/** A regex written as a string in the JSON profile; checked at load so a typo fails fast. */
const Pattern = z.string().refine((s) => {
  try {
    new RegExp(s, 'i');
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

/** `any`: every jurisdiction; `berne`: Berne Convention members; else a list of ISO codes (CN, US, EU, WIPO...). */
export const JurisdictionRule = z.union([z.literal('any'), z.literal('berne'), z.array(z.string()).min(1)]);
export type JurisdictionRule = z.infer<typeof JurisdictionRule>;

export const RedirectChannel = z.object({
  /** Host regex of the sites that belong to another company or desk. */
  hostPattern: Pattern,
  name: z.string(),
  /** Where the sender should go instead (URL or email address). */
  channel: z.string(),
});
export type RedirectChannel = z.infer<typeof RedirectChannel>;

export const RequiredDocuments = z.object({
  identity: z.boolean(),
  iprProof: z.boolean(),
  authorizationForAgents: z.boolean(),
  /** Patent kinds + jurisdictions that need a Patent Evaluation Report. */
  evaluationReport: z.object({ patentKinds: z.array(PatentKind), jurisdictions: z.array(z.string()) }).nullable(),
});
export type RequiredDocuments = z.infer<typeof RequiredDocuments>;

/** EU and EEA country codes the Transparency Database accepts as a territorial scope. */
export const EEA_COUNTRIES = ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK', 'IS', 'LI', 'NO'] as const;

/**
 * What the statement of reasons (DSA Art. 17) says for this platform: where a
 * removal applies, the terms clause that forbids infringing listings, where an
 * out-of-court dispute can be taken, and the language merchants are written in.
 */
export const DsaProfile = z.object({
  territorialScope: z.array(z.enum(EEA_COUNTRIES)).min(1).default([...EEA_COUNTRIES]),
  termsClause: z.string().trim().min(1).max(500),
  termsUrl: z.string().url().optional(),
  /** A certified out-of-court dispute settlement body (Art. 21), or where to find one. */
  outOfCourt: z.string().trim().min(1).max(500).default('a certified out-of-court dispute settlement body (DSA Art. 21): https://digital-strategy.ec.europa.eu/en/policies/dsa-out-court-dispute-settlement'),
  merchantLanguage: z.enum(['en', 'zh']).default('en'),
  /** What a listing is, as the Transparency Database's content type constant. */
  contentType: z.enum(['CONTENT_TYPE_PRODUCT', 'CONTENT_TYPE_TEXT', 'CONTENT_TYPE_IMAGE', 'CONTENT_TYPE_VIDEO', 'CONTENT_TYPE_APP', 'CONTENT_TYPE_AUDIO']).default('CONTENT_TYPE_PRODUCT'),
});
export type DsaProfile = z.infer<typeof DsaProfile>;

export const PlatformProfile = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string(),
  /** Names a sender may use for the platform (any language); matched as whole words. */
  aliases: z.array(z.string()).default([]),
  /** Host names the platform owns; a sub-domain of one belongs to it too. */
  domains: z.array(z.string()).min(1),
  /** Regexes tried on `host + path + query` (no scheme). */
  urlPatterns: z.object({
    listing: z.array(Pattern),
    storefront: z.array(Pattern).default([]),
    search: z.array(Pattern).default([]),
    /** Pages that only list other items (a repository's forks): they point at targets, they are none themselves. */
    itemLists: z.array(Pattern).default([]),
  }),
  /**
   * What an account page (a `storefront` pattern) stands for in a notice: `target`, a shop that can be taken
   * down; `holder`, who holds the listings (a code host's profile page), read as a target only when nothing else is.
   */
  accountPages: z.enum(['target', 'holder']).default('target'),
  /** The platform's own help, policy and notice pages: never a takedown target. */
  ownPages: z.array(Pattern).default([]),
  urlLimit: z.object({ perComplaint: z.number().int().positive(), bulk: z.number().int().positive() }),
  jurisdictions: z.record(IprType, JurisdictionRule),
  requiredDocuments: RequiredDocuments,
  evidenceFiles: z.object({ maxBytes: z.number().int().positive(), extensions: z.array(z.string()).min(1) }),
  /** Storefront complaints go to this mailbox instead of the listing form; null when the form takes them. */
  storefrontByEmail: z.string().nullable().default(null),
  redirects: z.array(RedirectChannel).default([]),
  /** DMCA 512(c)(3) elements are checked for every notice about this platform. */
  dmca: z.boolean(),
  /** Marketplace proof rules (identity, IPR certificate, authorization, jurisdiction...) apply. */
  marketplaceRules: z.boolean(),
  /**
   * The counter-notice procedure: how many business days the complainant has
   * to answer; whether they may reject the counter-notice in writing
   * (marketplaces) or only keep the listings down by reporting a court action
   * (DMCA 512(g): 10 to 14 business days); whether they get a copy of it.
   * Absent, the desk's configured number of days and the marketplace procedure apply.
   */
  counterNotice: z
    .object({
      businessDays: z.number().int().positive().max(30),
      complainantMay: z.enum(['reject', 'report_court_action']),
      copyToComplainant: z.boolean().default(true),
    })
    .optional(),
  /** The review target and the sender's answer window (24 h around the clock, 120 h to answer, by default). */
  sla: SlaPolicy.default(DEFAULT_SLA),
  /** Statement-of-reasons facts; absent, statements name no terms clause and use the defaults. */
  dsa: DsaProfile.optional(),
});
export type PlatformProfile = z.infer<typeof PlatformProfile>;
export type PlatformProfileInput = z.input<typeof PlatformProfile>;

export const DOCUMENT_KINDS = DocumentKind.options;
