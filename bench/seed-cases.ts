// Cases for the console benches: many notices spread over statuses, platforms and ages.
import { Complaint, type CaseStatus } from '../src/domain/schemas/index.js';
import type { Db } from '../src/store/open.js';
import { queueRankOf, searchTextOf } from '../src/store/repos/cases.js';

const statuses: CaseStatus[] = ['in_review', 'in_review', 'deficient', 'accepted', 'rejected', 'received', 'partially_accepted', 'closed', 'awaiting_complainant', 'disputed'];
const platforms = ['aliexpress', 'alibaba', 'taobao', 'lazada-sg', '1688'];
const absent = { present: false, evidence: null };

/** `count` notice cases spread over statuses, platforms and ages, inserted in batches of 1,000. */
export async function seedCases(db: Db, CASES: number): Promise<void> {
  const started = Date.now();
  const t0 = Date.parse('2026-01-01T00:00:00Z');
  for (let start = 0; start < CASES; start += 1000) {
    const rows = [];
    for (let i = start; i < Math.min(CASES, start + 1000); i++) {
      const complaint = Complaint.parse({
        kind: 'notice', language: 'en', subject: `Notice ${i}`, complainant: { name: `Sender ${i % 900}`, organisation: null, email: `agent${i % 900}@firm.example`, phone: null, address: null },
        complainantEvidence: null, rightsOwner: `Brand ${i % 300}`, rightsOwnerEvidence: null, isAgent: true, agentEvidence: null, iprType: i % 3 ? 'trademark' : 'copyright', iprs: [],
        platform: platforms[i % 5], location: 'listing', reason: 'counterfeit', workDescription: null, workEvidence: null,
        listings: [1, 2, 3].map((n) => ({ url: `https://www.aliexpress.com/item/${i}${n}.html`, platform: 'aliexpress', kind: 'listing', valid: true, problem: null, evidence: null })),
        originalWorkUrls: [], statements: { goodFaith: absent, accuracy: absent, perjury: absent, mistake: absent, jurisdictionConsent: absent },
        signature: null, signatureEvidence: null, documents: [], evidenceFiles: [], disclosureConsent: false, referencedCase: null,
      });
      const at = new Date(t0 + i * 60_000).toISOString();
      const row = { number: `ND-2026-${String(i + 1).padStart(6, '0')}`, status: statuses[i % statuses.length]!, kind: 'notice', platform: platforms[i % 5]!, assignee: null, complainant_email: `agent${i % 900}@firm.example`, rights_owner: `Brand ${i % 300}`, ipr_type: complaint.iprType, parent_case_id: null, complaint: JSON.stringify(complaint), findings: i % 4 ? '[]' : '[{"code":"dmca.signature","element":"signature","severity":"missing","message":"No signature.","evidence":null}]', due_at: null, version: 1, created_at: at, updated_at: at };
      rows.push({ ...row, queue_rank: queueRankOf(row.status), search_text: searchTextOf(row) });
    }
    const inserted = await db.insertInto('cases').values(rows).returning(['id', 'status', 'created_at']).execute();
    // Decided cases carry the events /stats reads: received, then the decision some hours later.
    const events = inserted.flatMap((c) => {
      const received = { case_id: c.id, at: c.created_at, actor_type: 'system', actor_id: 'noticedesk', actor_name: 'Noticedesk', type: 'received', from_status: null, to_status: 'received', data: '{}' };
      if (!['accepted', 'partially_accepted', 'rejected'].includes(c.status)) return [received];
      const at = new Date(Date.parse(c.created_at) + (c.id % 48) * 3600_000).toISOString();
      const data = c.status === 'rejected' ? '{"reason":"insufficient_evidence"}' : '{}';
      return [received, { ...received, at, actor_type: 'user', actor_id: 'bench@desk.test', actor_name: 'Bench', type: c.status, from_status: 'in_review', to_status: c.status, data }];
    });
    await db.insertInto('case_events').values(events).execute();
  }
  console.log(`seeded ${CASES} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

