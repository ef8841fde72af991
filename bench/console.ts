// Queue page latency under concurrent load: 100,000 cases in SQLite, the
// console served over HTTP, N clients asking for queue pages at once.
// Usage: npm run bench:console [-- --cases 100000 --clients 16 --requests 2000]
import { serve } from '@hono/node-server';
import { rmSync } from 'node:fs';
import { createConsoleApp } from '../console/app.js';
import { makeCtx } from '../src/domain/context.js';
import { Complaint, type CaseStatus } from '../src/domain/schemas/index.js';
import { hashPassword } from '../src/domain/users/password.js';
import { createDiskFileStore } from '../src/store/file-store.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { openDatabase } from '../src/store/open.js';
import { loadPlatforms } from '../src/rules/load-platforms.js';
import { upsertUser } from '../src/store/repos/users.js';

const arg = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(`--${name}`) + 1] || fallback) || fallback;
const CASES = arg('cases', 100_000);
const CLIENTS = arg('clients', 16);
const REQUESTS = arg('requests', 2000);
const file = `data/tmp/bench-console-${process.pid}.sqlite`;

const statuses: CaseStatus[] = ['in_review', 'in_review', 'deficient', 'accepted', 'rejected', 'received', 'partially_accepted', 'closed', 'awaiting_complainant', 'disputed'];
const platforms = ['aliexpress', 'alibaba', 'taobao', 'lazada-sg', '1688'];
const absent = { present: false, evidence: null };

async function seed(db: ReturnType<typeof openDatabase>) {
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
      rows.push({ number: `ND-2026-${String(i + 1).padStart(6, '0')}`, status: statuses[i % statuses.length]!, kind: 'notice', platform: platforms[i % 5]!, assignee: null, complainant_email: `agent${i % 900}@firm.example`, rights_owner: `Brand ${i % 300}`, parent_case_id: null, complaint: JSON.stringify(complaint), findings: i % 4 ? '[]' : '[{"code":"dmca.signature","element":"signature","severity":"missing","message":"No signature.","evidence":null}]', due_at: null, version: 1, created_at: at, updated_at: at });
    }
    await db.insertInto('cases').values(rows).execute();
  }
  console.log(`seeded ${CASES} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  const db = openDatabase(file);
  await migrateToLatest(db);
  await seed(db);
  await upsertUser(db, { email: 'bench@desk.test', name: 'Bench', passwordHash: await hashPassword('bench-password'), role: 'reviewer', at: new Date().toISOString() });
  const base = { db, now: () => new Date('2026-03-15T12:00:00Z'), platforms: await loadPlatforms('data/platforms'), files: createDiskFileStore('data/tmp/attachments'), ownAddresses: [], limits: { maxAttachmentBytes: 1 } };
  const app = createConsoleApp({ db, ctx: (actor, id) => makeCtx(base, actor, id), secureCookies: false });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((r) => server.once('listening', () => r()));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const login = await fetch(`${url}/login`, { method: 'POST', redirect: 'manual', headers: { origin: url }, body: new URLSearchParams({ email: 'bench@desk.test', password: 'bench-password' }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const pages = ['/', '/?page=40', '/?status=all', '/?status=deficient&platform=taobao', '/?sla=breached&iprType=copyright', '/?q=Brand%2042', '/?findings=yes&page=3'];
  const scenarios: Record<string, number[]> = {};
  let issued = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (issued < REQUESTS) {
        const path = pages[issued++ % pages.length]!;
        const t = performance.now();
        const res = await fetch(url + path, { headers: { cookie } });
        await res.text();
        if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
        (scenarios[path] ??= []).push(performance.now() - t);
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  const all = Object.values(scenarios).flat().sort((a, b) => a - b);
  console.log(`queue page, ${CASES} cases, ${CLIENTS} concurrent clients, ${all.length} requests in ${seconds.toFixed(1)} s (${(all.length / seconds).toFixed(0)} req/s)`);
  console.log(`all pages: p50 ${percentile(all, 50).toFixed(1)} ms, p99 ${percentile(all, 99).toFixed(1)} ms`);
  for (const [path, times] of Object.entries(scenarios)) {
    const s = times.sort((a, b) => a - b);
    console.log(`  ${path.padEnd(40)} p50 ${percentile(s, 50).toFixed(1).padStart(7)} ms  p99 ${percentile(s, 99).toFixed(1).padStart(7)} ms`);
  }
  server.close();
  await db.destroy();
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

await main();
