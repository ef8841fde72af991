import type { Complaint, DocumentKind, DocumentMention } from '../domain/schemas/complaint.js';
import type { Finding } from '../domain/schemas/finding.js';
import type { PlatformProfile } from './platform-profile.js';
import { ask } from './finding.js';

/**
 * A document counts when the sender gave it: read from an attached file, or
 * named in a message that carries files (a scan the reader cannot read is
 * still attached), or given as a link. "Attached: certificate" with nothing
 * attached and no link is only a claim.
 */
export function documentGiven(c: Pick<Complaint, 'evidenceFiles'>, d: DocumentMention): boolean {
  return d.foundIn === 'attachment' || c.evidenceFiles.length > 0 || /https?:\/\/\S+/i.test(d.evidence?.text ?? '');
}

const has = (c: Complaint, ...kinds: DocumentKind[]): boolean => c.documents.some((d) => kinds.includes(d.kind) && documentGiven(c, d));

/** Below this confidence that the sender is an agent, a missing letter of authorization is a reviewer's question. */
export const AGENT_CONFIDENT = 0.8;
const AGENT_QUESTION = 'Sender may write for the rights owner: confirm, or ask for a letter of authorization.';

/** Identity, IPR proof and authorization documents the profile requires. */
export function proofFindings(c: Complaint, profile: PlatformProfile, today: string): Finding[] {
  const out: Finding[] = [];
  const req = profile.requiredDocuments;
  if (req.identity && !has(c, 'identity', 'business_licence')) {
    out.push(ask('proof.identity.missing', 'documents', 'missing'));
  }
  if (req.iprProof) {
    const proof = has(c, 'ipr_certificate', 'copyright_claim_statement') || c.iprs.some((r) => !r.pending && r.registrationNumber && c.iprType !== 'copyright' && has(c, 'renewal_or_assignment'));
    const receiptOnly = has(c, 'filing_receipt') || c.iprs.some((r) => r.pending);
    if (receiptOnly && !proof) {
      out.push(ask('proof.ipr.filing_receipt', 'documents', 'invalid'));
    } else if (!proof) {
      out.push(ask('proof.ipr.missing', 'documents', 'missing', { copyright: c.iprType === 'copyright' ? 1 : 0 }));
    }
  }
  if (req.authorizationForAgents && c.isAgent === true) {
    const auth = c.documents.filter((d) => d.kind === 'authorization' && documentGiven(c, d));
    // A reading stored without its confidence counts as a guess: the reviewer confirms before the sender is asked for a letter.
    if (auth.length === 0 && (c.agentConfidence ?? 0) < AGENT_CONFIDENT) {
      out.push({ ...ask('authorization.missing', 'documents', 'warning', { owner: c.rightsOwner ?? '' }), question: AGENT_QUESTION });
    } else if (auth.length === 0) {
      out.push(ask('authorization.missing', 'documents', 'missing', { owner: c.rightsOwner ?? '' }));
    } else if (auth.every((d) => d.expiresOn !== null && d.expiresOn < today)) {
      out.push(ask('authorization.expired', 'documents', 'invalid', { date: auth[0]!.expiresOn ?? '' }, auth[0]!.evidence));
    }
  }
  for (const d of c.documents) {
    if (d.kind === 'identity' && d.expiresOn && d.expiresOn < today) {
      out.push(ask('proof.identity.expired', 'documents', 'invalid', { date: d.expiresOn }, d.evidence));
    }
  }
  return out;
}

/** Evidence files: size and type limits of the profile. */
export function evidenceFileFindings(c: Complaint, profile: PlatformProfile): Finding[] {
  const out: Finding[] = [];
  const mb = (n: number): string => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  for (const f of c.evidenceFiles) {
    const name = f.filename ?? f.sha256.slice(0, 12);
    const ext = (f.filename ?? '').split('.').pop()?.toLowerCase() ?? '';
    if (f.size > profile.evidenceFiles.maxBytes) {
      out.push(ask('evidence.file_too_large', 'evidenceFiles', 'invalid', { name, size: mb(f.size), max: mb(profile.evidenceFiles.maxBytes) }));
    }
    if (!profile.evidenceFiles.extensions.includes(ext)) {
      out.push(ask('evidence.file_type', 'evidenceFiles', 'invalid', { name, types: profile.evidenceFiles.extensions.join(', ') }));
    }
  }
  return out;
}
