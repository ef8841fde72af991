import type { Complaint, DocumentKind, DocumentMention } from '../domain/schemas/complaint.js';
import type { Finding } from '../domain/schemas/finding.js';
import type { PlatformProfile } from './platform-profile.js';
import { finding } from './finding.js';

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

/** Identity, IPR proof and authorization documents the profile requires. */
export function proofFindings(c: Complaint, profile: PlatformProfile, today: string): Finding[] {
  const out: Finding[] = [];
  const req = profile.requiredDocuments;
  if (req.identity && !has(c, 'identity', 'business_licence')) {
    out.push(finding('proof.identity.missing', 'documents', 'missing', 'Please attach proof of identity: a copy of your ID card, passport or driver\'s license, or for a company its business registration certificate or license.'));
  }
  if (req.iprProof) {
    const proof = has(c, 'ipr_certificate', 'copyright_claim_statement') || c.iprs.some((r) => !r.pending && r.registrationNumber && c.iprType !== 'copyright' && has(c, 'renewal_or_assignment'));
    const receiptOnly = has(c, 'filing_receipt') || c.iprs.some((r) => r.pending);
    if (receiptOnly && !proof) {
      out.push(finding('proof.ipr.filing_receipt', 'documents', 'invalid', 'A filing receipt for a pending application does not prove ownership. Please attach the registration certificate issued by the authority (with its seal) once the right is registered.'));
    } else if (!proof) {
      const what = c.iprType === 'copyright' ? 'the copyright registration certificate or, for an unregistered work, a signed Copyright Claim Statement' : 'the registration certificate of each trademark or patent you rely on, bearing the authority\'s seal';
      out.push(finding('proof.ipr.missing', 'documents', 'missing', `Please attach proof of your rights: ${what}.`));
    }
  }
  if (req.authorizationForAgents && c.isAgent === true) {
    const auth = c.documents.filter((d) => d.kind === 'authorization' && documentGiven(c, d));
    if (auth.length === 0) {
      out.push(finding('authorization.missing', 'documents', 'missing', `You write on behalf of ${c.rightsOwner ?? 'the rights owner'}: please attach a letter of authorization or power of attorney signed or sealed by the owner that allows you to file IPR complaints.`));
    } else if (auth.every((d) => d.expiresOn !== null && d.expiresOn < today)) {
      out.push(finding('authorization.expired', 'documents', 'invalid', `The letter of authorization expired on ${auth[0]!.expiresOn}. Please send a current letter of authorization from the rights owner.`, auth[0]!.evidence));
    }
  }
  for (const d of c.documents) {
    if (d.kind === 'identity' && d.expiresOn && d.expiresOn < today) {
      out.push(finding('proof.identity.expired', 'documents', 'invalid', `The identity document expired on ${d.expiresOn}. Please send a valid one.`, d.evidence));
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
      out.push(finding('evidence.file_too_large', 'evidenceFiles', 'invalid', `${name} is ${mb(f.size)}; files may be at most ${mb(profile.evidenceFiles.maxBytes)}. Please compress or split it.`));
    }
    if (!profile.evidenceFiles.extensions.includes(ext)) {
      out.push(finding('evidence.file_type', 'evidenceFiles', 'invalid', `${name} is not an accepted file type. Please send it as one of: ${profile.evidenceFiles.extensions.join(', ')}.`));
    }
  }
  return out;
}
