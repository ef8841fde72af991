import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import { readMessage } from '../src/intake/mime/read-message.js';
import { parseNotice } from '../src/parse/parse-notice.js';
import { checkComplaint } from '../src/rules/check-complaint.js';
import { loadPlatforms } from '../src/rules/load-platforms.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const corpusDir = resolve(process.argv[2] ?? join(here, '../../shared/corpus/github-dmca-dev'));
const MIN_MS = Number(process.env.BENCH_MS ?? 1500);

/**
 * Runs `fn` over all inputs until MIN_MS has passed; returns items per second. One pass over every
 * input comes first and is not counted: on a busy machine the timed window could otherwise hold little
 * more than that first pass, which compiles every pattern and warms the JIT, and the rate would swing.
 */
async function rate<T>(inputs: T[], fn: (x: T) => unknown | Promise<unknown>): Promise<number> {
  for (const x of inputs) await fn(x);
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < MIN_MS) {
    for (const x of inputs) {
      await fn(x);
      n++;
    }
  }
  return n / ((performance.now() - start) / 1000);
}

function toEml(text: string, i: number): Buffer {
  const body = Buffer.from(text, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
  return Buffer.from([
    `From: "Rights Desk ${i}" <rights${i}@brand.example>`,
    'To: ipr@noticedesk.example',
    `Subject: DMCA notice ${i}`,
    `Message-ID: <bench-${i}@brand.example>`,
    'Date: Mon, 01 Jun 2026 09:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    body,
  ].join('\r\n'));
}

const platforms = await loadPlatforms(resolve(here, '../data/platforms'));
const now = new Date();
const names = (await readdir(corpusDir)).filter((n) => n.endsWith('.md') && n !== 'README.md').sort();
const texts = await Promise.all(names.map((n) => readFile(join(corpusDir, n), 'utf8')));
const emls = texts.map(toEml);

const fmt = (r: number): string => `${r.toFixed(0).padStart(8)} notices/s`;
const corpusRate = await rate(texts, (text) => checkComplaint(parseNotice({ text }, { platforms }), { platforms, now }));
const mailparserRate = await rate(emls, (raw) => simpleParser(raw));
const emlRate = await rate(emls, async (raw) => {
  const msg = await readMessage(raw);
  return checkComplaint(parseNotice(msg, { platforms }), { platforms, now });
});
console.log(`inputs: ${texts.length} corpus notices (${corpusDir}), ${emls.length} generated .eml`);
console.log(`parse+check, plain text        ${fmt(corpusRate)}`);
console.log(`mailparser simpleParser alone  ${fmt(mailparserRate)}`);
console.log(`readMessage+parse+check, .eml  ${fmt(emlRate)}`);
