import type { Complaint, Party, Statement } from '../schemas/index.js';

function unionBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function mergeParty(base: Party, update: Party): Party {
  return {
    name: base.name ?? update.name,
    organisation: base.organisation ?? update.organisation,
    email: base.email ?? update.email,
    phone: base.phone ?? update.phone,
    address: base.address ?? update.address,
  };
}

function mergeStatement(base: Statement, update: Statement): Statement {
  return base.present ? base : update;
}

/**
 * Folds a sender's answer into the case's complaint: what the answer adds
 * fills the gaps, what the case already had stays. The kind of the case
 * never changes through a reply.
 */
export function mergeComplaint(base: Complaint, update: Complaint, options: { replaceListings?: boolean } = {}): Complaint {
  const s = base.statements;
  const u = update.statements;
  return {
    ...base,
    complainant: mergeParty(base.complainant, update.complainant),
    complainantEvidence: base.complainantEvidence ?? update.complainantEvidence,
    // An answer that gives the details plainly settles a reading the case held as unsure.
    contactConfidence: base.contactConfidence === undefined || update.contactConfidence === undefined ? undefined : Math.max(base.contactConfidence, update.contactConfidence),
    rightsOwner: base.rightsOwner ?? update.rightsOwner,
    rightsOwnerEvidence: base.rightsOwnerEvidence ?? update.rightsOwnerEvidence,
    isAgent: base.isAgent ?? update.isAgent,
    agentEvidence: base.agentEvidence ?? update.agentEvidence,
    iprType: base.iprType ?? update.iprType,
    iprs: unionBy([...base.iprs, ...update.iprs], (r) => `${r.type}:${r.registrationNumber ?? JSON.stringify(r.evidence)}`),
    platform: base.platform ?? update.platform,
    location: base.location ?? update.location,
    reason: base.reason ?? update.reason,
    workDescription: base.workDescription ?? update.workDescription,
    workEvidence: base.workEvidence ?? update.workEvidence,
    // "These replace the earlier links": the answer's listings are the listing set; otherwise they add to it.
    listings: options.replaceListings && update.listings.length ? unionBy(update.listings, (l) => l.url) : unionBy([...base.listings, ...update.listings], (l) => l.url),
    originalWorkUrls: [...new Set([...base.originalWorkUrls, ...update.originalWorkUrls])],
    statements: {
      goodFaith: mergeStatement(s.goodFaith, u.goodFaith),
      accuracy: mergeStatement(s.accuracy, u.accuracy),
      perjury: mergeStatement(s.perjury, u.perjury),
      mistake: mergeStatement(s.mistake, u.mistake),
      jurisdictionConsent: mergeStatement(s.jurisdictionConsent, u.jurisdictionConsent),
    },
    signature: base.signature ?? update.signature,
    signatureEvidence: base.signatureEvidence ?? update.signatureEvidence,
    signatureConfidence: base.signature ? base.signatureConfidence : update.signatureConfidence,
    documents: unionBy([...base.documents, ...update.documents], (d) => `${d.kind}:${d.foundIn}:${d.evidence?.source ?? ''}`),
    evidenceFiles: unionBy([...base.evidenceFiles, ...update.evidenceFiles], (f) => f.sha256),
    disclosureConsent: base.disclosureConsent || update.disclosureConsent,
  };
}
