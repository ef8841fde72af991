import { z } from 'zod';
import { EEA_COUNTRIES } from '../../rules/platform-profile.js';
import type { IprType } from '../schemas/index.js';
import type { StatementOfReasons } from './statement-of-reasons.js';

/**
 * A statement of reasons as the EU DSA Transparency Database API takes it
 * (`POST /api/v1/statements`): field names and enum constants of its public
 * API documentation. It carries no personal data: no names, addresses or
 * listing URLs, only the kind of right, the law, dates and the platform's id.
 */
export const TransparencyStatement = z
  .object({
    decision_visibility: z.array(z.literal('DECISION_VISIBILITY_CONTENT_REMOVED')).length(1),
    decision_ground: z.literal('DECISION_GROUND_ILLEGAL_CONTENT'),
    decision_ground_reference_url: z.string().url().max(500).optional(),
    illegal_content_legal_ground: z.string().min(1).max(500),
    illegal_content_explanation: z.string().min(1).max(2000),
    content_type: z.array(z.enum(['CONTENT_TYPE_PRODUCT', 'CONTENT_TYPE_TEXT', 'CONTENT_TYPE_IMAGE', 'CONTENT_TYPE_VIDEO', 'CONTENT_TYPE_APP', 'CONTENT_TYPE_AUDIO'])).min(1),
    category: z.literal('STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS'),
    category_specification: z.array(z.enum(['KEYWORD_TRADEMARK_INFRINGEMENT', 'KEYWORD_COPYRIGHT_INFRINGEMENT', 'KEYWORD_PATENT_INFRINGEMENT', 'KEYWORD_DESIGN_INFRINGEMENT'])).optional(),
    territorial_scope: z.array(z.enum(EEA_COUNTRIES)).min(1),
    content_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    application_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    decision_facts: z.string().min(1).max(5000),
    source_type: z.enum(['SOURCE_ARTICLE_16', 'SOURCE_TRUSTED_FLAGGER']),
    automated_detection: z.enum(['Yes', 'No']),
    automated_decision: z.enum(['AUTOMATED_DECISION_FULLY', 'AUTOMATED_DECISION_PARTIALLY', 'AUTOMATED_DECISION_NOT_AUTOMATED']),
    puid: z.string().min(1).max(500),
  })
  .strict();
export type TransparencyStatement = z.infer<typeof TransparencyStatement>;

const KEYWORD: Record<IprType, NonNullable<TransparencyStatement['category_specification']>[number]> = {
  trademark: 'KEYWORD_TRADEMARK_INFRINGEMENT',
  copyright: 'KEYWORD_COPYRIGHT_INFRINGEMENT',
  patent: 'KEYWORD_PATENT_INFRINGEMENT',
  design: 'KEYWORD_DESIGN_INFRINGEMENT',
};

const RIGHT_WORDS: Record<IprType, string> = { trademark: 'trade mark', copyright: 'copyright', patent: 'patent', design: 'design right' };

/**
 * Maps a stored statement of reasons to the database's shape. The content
 * date is the day the notice reached the desk: the latest day the desk knows
 * the listing was online (it does not know when the merchant posted it).
 */
export function toTransparencyStatement(s: StatementOfReasons): TransparencyStatement {
  const right = s.facts.right ? RIGHT_WORDS[s.facts.right] : 'intellectual property right';
  const source = s.facts.source === 'trusted_flagger_notice' ? 'a trusted flagger (DSA Art. 22)' : 'a rights holder or their representative (DSA Art. 16)';
  const decidedBy = s.automated.decision ? 'The desk decided to remove the listing by automated means, without a reviewer.' : 'A reviewer examined the notice and its evidence and decided to remove the listing.';
  const terms = s.legalGround.termsClause ? ` The listing also breached ${s.legalGround.termsClause}.` : '';
  return TransparencyStatement.parse({
    decision_visibility: ['DECISION_VISIBILITY_CONTENT_REMOVED'],
    decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT',
    ...(s.legalGround.termsUrl ? { decision_ground_reference_url: s.legalGround.termsUrl } : {}),
    illegal_content_legal_ground: s.legalGround.law.slice(0, 500),
    illegal_content_explanation: `The listing was reported as infringing a ${right}.${terms}`.slice(0, 2000),
    content_type: [s.restriction.contentType],
    category: 'STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS',
    ...(s.facts.right ? { category_specification: [KEYWORD[s.facts.right]] } : {}),
    territorial_scope: s.restriction.territorialScope,
    content_date: s.facts.noticeReceivedAt.slice(0, 10),
    application_date: s.facts.decidedAt.slice(0, 10),
    decision_facts: `A notice from ${source} claimed that the listing infringes a ${right}. ${decidedBy}`,
    source_type: s.facts.source === 'trusted_flagger_notice' ? 'SOURCE_TRUSTED_FLAGGER' : 'SOURCE_ARTICLE_16',
    automated_detection: s.automated.detection ? 'Yes' : 'No',
    automated_decision: s.automated.decision ? 'AUTOMATED_DECISION_FULLY' : 'AUTOMATED_DECISION_NOT_AUTOMATED',
    puid: s.puid,
  });
}
