// npm run bench:mail — email intake figures against a real Dovecot and SMTP receiver.
//  1. Latency from IMAP APPEND to the acknowledgement arriving at SMTP, p50/p99 over BENCH_LATENCY_N (200) notices.
//  2. Time to take in BENCH_BACKLOG (10,000) waiting messages, next to a bare imapflow fetch + simpleParser of the same mailbox.
//  3. Peak RSS of this process in each phase.
// The SMTP receiver runs in a child process (`tsx bench/mail.ts receiver PORT`), so the figures are
// the product's: it neither shares the event loop nor counts towards the peak RSS.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chownSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import { startEmailIntake } from '../src/intake/start-email.js';
import { startDovecot } from '../test/setup/dovecot.js';
import { SMTPServer } from 'smtp-server';
import { fixture, intakeCtx, OUR_ADDRESS } from '../test/integration/email/harness.js';
import { openTestDb } from '../test/support/store.js';

const LATENCY_N = Number(process.env.BENCH_LATENCY_N ?? 200);
const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 10_000);
const template = fixture('multipart-alternative.eml').toString('utf8');
const notice = (tag: string) => template.replace(/^Message-ID: <[^>]+>/im, `Message-ID: <${tag}@bench.example>`).replace(/^From: .*$/im, `From: Bench ${tag} <${tag}@bench.example>`);

function rssSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return () => (clearInterval(timer), Math.round(Math.max(peak, process.memoryUsage().rss) / 1024 / 1024));
}
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const imap = async (port: number, user = 'intake', pass = 'secret') => {
  const client = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user, pass }, logger: false });
  await client.connect();
  return client;
};
const log = (line: string) => (process.env.BENCH_VERBOSE ? console.error(line) : undefined);

interface Arrival { to: string; at: number }

/** Child mode: accept every message, drain it, report the recipient and the time to the parent. */
async function runReceiver(port: number): Promise<void> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () => {
        process.send?.({ to: session.envelope.rcptTo[0]?.address ?? '', at: Date.now() } satisfies Arrival);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  process.send?.('ready');
  process.on('disconnect', () => server.close(() => process.exit(0)));
}

/** The SMTP receiver in its own process; the parent only counts what arrives. */
async function startReceiver(port: number) {
  const child: ChildProcess = fork(new URL(import.meta.url).pathname, ['receiver', String(port)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const arrivals: Arrival[] = [];
  const listeners: Array<(a: Arrival) => void> = [];
  const ready = once(child, 'message');
  child.on('message', (m: Arrival | 'ready') => {
    if (m === 'ready') return;
    arrivals.push(m);
    for (const listener of listeners) listener(m);
  });
  await ready;
  return {
    url: `smtp://127.0.0.1:${port}`,
    onMessage: (listener: (a: Arrival) => void) => listeners.push(listener),
    async waitFor(count: number, timeoutMs: number) {
      const deadline = Date.now() + timeoutMs;
      while (arrivals.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} mails at SMTP, got ${arrivals.length}`);
        await sleep(50);
      }
    },
    async stop() {
      const exited = once(child, 'exit');
      child.disconnect();
      await exited;
    },
  };
}

async function latency(): Promise<void> {
  const [dovecot, smtp] = await Promise.all([startDovecot(1190), startReceiver(2590)]);
  const db = await openTestDb();
  const intake = startEmailIntake({ db, ctx: await intakeCtx(db), config: { imapUrls: [dovecot.url()], smtpUrl: smtp.url, from: OUR_ADDRESS, dataDir: 'data/tmp' }, log });
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  smtp.onMessage((mail) => {
    const start = sentAt.get(mail.to);
    if (start !== undefined) latencies.push(mail.at - start);
  });
  const appender = await imap(1190);
  await sleep(1_000);
  const peak = rssSampler();
  // Paced like a busy inbox: one notice every 250 ms, each timed on its own.
  for (let i = 0; i < LATENCY_N; i++) {
    const tag = `lat-${i}`;
    sentAt.set(`${tag}@bench.example`, Date.now());
    await appender.append('INBOX', notice(tag));
    await sleep(250);
  }
  await smtp.waitFor(LATENCY_N, 60_000);
  const sorted = [...latencies].sort((a, b) => a - b);
  console.log(`APPEND -> acknowledgement at SMTP, ${sorted.length} notices: p50 ${pct(sorted, 50)} ms, p99 ${pct(sorted, 99)} ms, max ${sorted.at(-1)} ms; peak RSS ${peak()} MB`);
  await appender.logout();
  await intake.stop();
  await db.destroy();
  await Promise.all([dovecot.stop(), smtp.stop()]);
}

async function backlog(): Promise<void> {
  const [dovecot, smtp] = await Promise.all([startDovecot(1191), startReceiver(2591)]);
  const created = Date.now();
  for (let i = 0; i < BACKLOG; i++) {
    const file = join(dovecot.maildir, 'new', `${Math.floor(created / 1000)}.M${i}P1.bench`);
    writeFileSync(file, notice(`backlog-${i}`).replace(/\r?\n/g, '\n'));
    chownSync(file, 65534, 65534);
  }
  // Let Dovecot index the Maildir once, so neither contender pays for it.
  const warm = await imap(1191);
  await warm.mailboxOpen('INBOX');
  await warm.logout();

  let peak = rssSampler();
  let started = Date.now();
  const bare = await imap(1191);
  await bare.mailboxOpen('INBOX', { readOnly: true });
  let parsed = 0;
  for await (const message of bare.fetch('1:*', { uid: true, source: true })) {
    if (message.source) await simpleParser(message.source);
    parsed++;
  }
  await bare.logout();
  console.log(`bare imapflow fetch + simpleParser of ${parsed} messages: ${((Date.now() - started) / 1000).toFixed(1)} s; peak RSS ${peak()} MB`);

  const db = await openTestDb();
  peak = rssSampler();
  started = Date.now();
  const intake = startEmailIntake({ db, ctx: await intakeCtx(db), config: { imapUrls: [dovecot.url()], smtpUrl: smtp.url, from: OUR_ADDRESS, dataDir: 'data/tmp' }, log });
  for (;;) {
    const row = await db.selectFrom('raw_messages').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', 'processed').executeTakeFirstOrThrow();
    if (Number(row.n) >= BACKLOG) break;
    await sleep(200);
  }
  const takenIn = (Date.now() - started) / 1000;
  await smtp.waitFor(BACKLOG, 30 * 60_000);
  const answered = (Date.now() - started) / 1000;
  console.log(`Noticedesk intake of ${BACKLOG} waiting messages (stored, parsed, checked, case opened, reply queued, flagged): ${takenIn.toFixed(1)} s (${(BACKLOG / takenIn).toFixed(0)}/s); all ${BACKLOG} acknowledgements at SMTP after ${answered.toFixed(1)} s; peak RSS ${peak()} MB`);
  await intake.stop();
  await db.destroy();
  await Promise.all([dovecot.stop(), smtp.stop()]);
}

if (process.argv[2] === 'receiver') {
  await runReceiver(Number(process.argv[3]));
} else {
  await latency();
  await backlog();
  console.log(`process peak RSS (getrusage): ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
}
