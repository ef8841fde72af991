import { Complaint, type Statement } from '../../src/domain/schemas/index.js';

const absent: Statement = { present: false, evidence: null };

/** A complaint with nothing found; tests override what they need. */
export function makeComplaint(overrides: Partial<Complaint> = {}): Complaint {
  return Complaint.parse({
    kind: 'notice',
    language: 'en',
    subject: 'DMCA notice',
    complainant: { name: 'Jane Doe', organisation: 'Acme Pictures Inc.', email: 'jane@acme.example', phone: null, address: null },
    complainantEvidence: null,
    rightsOwner: 'Acme Pictures Inc.',
    rightsOwnerEvidence: null,
    isAgent: false,
    agentEvidence: null,
    iprType: 'copyright',
    iprs: [],
    platform: null,
    location: 'listing',
    reason: null,
    workDescription: null,
    workEvidence: null,
    listings: [],
    originalWorkUrls: [],
    statements: { goodFaith: absent, accuracy: absent, perjury: absent, mistake: absent, jurisdictionConsent: absent },
    signature: null,
    signatureEvidence: null,
    documents: [],
    evidenceFiles: [],
    disclosureConsent: false,
    referencedCase: null,
    ...overrides,
  });
}
