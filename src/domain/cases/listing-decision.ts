import { z } from 'zod';

/** What became of one listing of a case. */
export const ListingDecisionKind = z.enum(['removed', 'kept', 'reinstated']);
export type ListingDecisionKind = z.infer<typeof ListingDecisionKind>;

export const ListingDecision = z.object({
  url: z.string().min(1),
  decision: ListingDecisionKind,
  /** Why a listing was kept or put back; shown to the sender in the decision reply. */
  reason: z.string().nullable(),
});
export type ListingDecision = z.infer<typeof ListingDecision>;

/** Reasons a reviewer can give for rejecting a complaint (a list, so stats and templates can rely on them). */
export const RejectReason = z.enum([
  'missing_information',
  'not_rights_owner',
  'no_authorization',
  'ipr_not_valid_in_jurisdiction',
  'ipr_expired_or_invalid',
  'class_does_not_cover_goods',
  'no_infringement_shown',
  'possibly_genuine_goods',
  'invalid_listing_urls',
  'wrong_channel',
  'false_information',
  'manifestly_unfounded',
  'other',
]);
export type RejectReason = z.infer<typeof RejectReason>;

export const REJECT_REASON_LABELS: Record<RejectReason, string> = {
  missing_information: 'Supporting information is missing',
  not_rights_owner: 'The sender is not the rights owner',
  no_authorization: 'No valid authorization from the rights owner',
  ipr_not_valid_in_jurisdiction: 'The right is not registered where the platform requires',
  ipr_expired_or_invalid: 'The right has expired or was invalidated',
  class_does_not_cover_goods: 'The trademark class does not cover the listed goods',
  no_infringement_shown: 'The evidence does not show an infringement',
  possibly_genuine_goods: 'Possibly genuine goods: selling without authorization is not infringement',
  invalid_listing_urls: 'The listing URLs are not valid product listings of the platform',
  wrong_channel: 'This complaint belongs to another channel',
  false_information: 'The complaint contains false information',
  manifestly_unfounded: 'The notice is manifestly unfounded',
  other: 'Other reason (see note)',
};
