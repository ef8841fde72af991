import { z } from 'zod';
import { DsaProfile, EEA_COUNTRIES, type PlatformProfile } from '../../rules/platform-profile.js';
import type { Actor, Case, IprType } from '../schemas/index.js';

/**
 * The statement of reasons (DSA Art. 17) the merchant of one removed listing
 * is owed: what was restricted and where, the facts, whether automated means
 * were used, the legal ground, and the redress routes. It holds only facts the
 * desk has: the complainant is named only when they consented to disclosure.
 */
export const StatementOfReasons = z.object({
  /** Platform-unique id: the case number and the listing's position in the case. */
  puid: z.string().min(1).max(500),
  caseNumber: z.string(),
  platform: z.string().nullable(),
  listingUrl: z.string(),
  restriction: z.object({ kind: z.literal('listing_removed'), territorialScope: z.array(z.enum(EEA_COUNTRIES)).min(1), contentType: DsaProfile.shape.contentType.removeDefault() }),
  facts: z.object({
    source: z.enum(['notice', 'trusted_flagger_notice']),
    /** The right the notice relies on; null when the notice did not say. */
    right: z.enum(['trademark', 'copyright', 'patent', 'design']).nullable(),
    rightsOwner: z.string().nullable(),
    complainantDisclosed: z.boolean(),
    noticeReceivedAt: z.string().datetime(),
    decidedAt: z.string().datetime(),
  }),
  automated: z.object({ detection: z.boolean(), decision: z.boolean() }),
  legalGround: z.object({
    kind: z.enum(['illegal_content', 'terms']),
    law: z.string(),
    termsClause: z.string().nullable(),
    termsUrl: z.string().nullable(),
  }),
  redress: z.object({
    counterNoticeUrl: z.string().nullable(),
    outOfCourt: z.string(),
    court: z.string(),
  }),
});
export type StatementOfReasons = z.infer<typeof StatementOfReasons>;

/** The law a removal for each kind of right rests on, as the Transparency Database's legal-ground text. */
const IPR_LAW: Record<IprType, string> = {
  trademark: 'Trade mark law: Regulation (EU) 2017/1001 and the national trade mark laws of the Member States (Directive (EU) 2015/2436)',
  copyright: 'Copyright law: Directive 2001/29/EC and the national copyright laws of the Member States',
  patent: 'Patent law of the Member States and the European Patent Convention',
  design: 'Design law: Regulation (EC) No 6/2002 and the national design laws of the Member States',
};
const IPR_UNKNOWN = 'Intellectual property law of the Member States (Directive 2004/48/EC)';

export const COURT_REDRESS = 'the competent court under the law of the Member State concerned';

export interface StatementFacts {
  current: Case;
  removedUrls: readonly string[];
  /** When the notice reached the desk (the case's first message). */
  receivedAt: string;
  decidedAt: string;
  decidedBy: Actor;
  profile: PlatformProfile | undefined;
  /** The notice came from an account or domain marked as a trusted flagger. */
  trustedFlagger: boolean;
  /** The counter-notice form for this case, when the desk makes one. */
  counterNoticeUrl: string | null;
}

/**
 * Builds one statement per removed listing. Detection is never automated (a
 * person sent the notice); the decision is automated only when no person took it.
 */
export function buildStatements(facts: StatementFacts): StatementOfReasons[] {
  const dsa = facts.profile?.dsa ?? DsaProfile.parse({ termsClause: 'the platform terms that prohibit listings infringing intellectual property rights' });
  const { current } = facts;
  const right = current.complaint.iprType;
  const disclosed = current.complaint.disclosureConsent === true;
  const automatedDecision = facts.decidedBy.type === 'system';
  const allUrls = current.complaint.listings.map((l) => l.url);
  return facts.removedUrls.map((url) =>
    StatementOfReasons.parse({
      puid: `${current.number}-L${allUrls.indexOf(url) + 1}`,
      caseNumber: current.number,
      platform: current.platform,
      listingUrl: url,
      restriction: { kind: 'listing_removed', territorialScope: dsa.territorialScope, contentType: dsa.contentType },
      facts: {
        source: facts.trustedFlagger ? 'trusted_flagger_notice' : 'notice',
        right,
        rightsOwner: disclosed ? current.rightsOwner : null,
        complainantDisclosed: disclosed,
        noticeReceivedAt: facts.receivedAt,
        decidedAt: facts.decidedAt,
      },
      automated: { detection: false, decision: automatedDecision },
      legalGround: {
        kind: 'illegal_content',
        law: right ? IPR_LAW[right] : IPR_UNKNOWN,
        termsClause: dsa.termsClause,
        termsUrl: dsa.termsUrl ?? null,
      },
      redress: { counterNoticeUrl: facts.counterNoticeUrl, outOfCourt: dsa.outOfCourt, court: COURT_REDRESS },
    }),
  );
}
