// npm run bench:mail — email intake figures against a real Dovecot and SMTP receiver.
//  1. Latency from IMAP APPEND to the acknowledgement arriving at SMTP, p50/p99 over BENCH_LATENCY_N (200) notices.
//  2. Time to take in BENCH_BACKLOG (10,000) waiting messages, next to its floor: a bare imapflow fetch +
//     simpleParser of the same mailbox.
//  3. Peak RSS of each contender.
// Each contender runs in a process of its own (this file's bundle, `bare|intake ...`), so its peak RSS is its
// own; the SMTP receiver is another process, so it neither shares an event loop nor counts towards a peak.
// The children run from an esbuild bundle, as `noticedesk start` does (bin/noticedesk.js), without the
// TypeScript loader: its thread and caches (about 60 MB) are not the intake's.
// The figures are printed as one table at the end.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chownSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { startEmailIntake } from '../src/intake/start-email.js';
import { bundleModule } from '../src/threads/bundle.mjs';
import { startDovecot } from '../test/setup/dovecot.js';
import { fixture, intakeCtx, OUR_ADDRESS } from '../test/integration/email/harness.js';
import { openTestDb, tempSqlitePath } from '../test/support/store.js';

const LATENCY_N = Number(process.env.BENCH_LATENCY_N ?? 200);
const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 10_000);
const template = fixture('multipart-alternative.eml').toString('utf8');
const notice = (tag: string) => template.replace(/^Message-ID: <[^>]+>/im, `Message-ID: <${tag}@bench.example>`).replace(/^From: .*$/im, `From: Bench ${tag} <${tag}@bench.example>`);
/** This file as one JavaScript bundle, for the children (built in the parent, which runs through tsx). */
let bundled: string | null = null;
const self = () => (bundled ??= fileURLToPath(bundleModule(new URL(import.meta.url)).url));

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
/** CPU time of the whole process (every thread), user + system: on a shared machine it moves less than the wall clock. */
const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};
const log = (line: string) => (process.env.BENCH_VERBOSE ? console.error(line) : undefined);
const imap = async (port: number, user = 'intake', pass = 'secret') => {
  const client = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user, pass }, logger: false });
  await client.connect();
  return client;
};

interface Arrival { to: string; at: number }
type FromChild = { kind: 'ready' } | { kind: 'processed'; count: number } | { kind: 'done'; peakRssMb: number; cpuSeconds: number; seconds?: number; parsed?: number; mainHeapMb?: number; threads?: ThreadCpu[] };

/** Child: accept every message, drain it, report the recipient and the time to the parent. */
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

interface ThreadCpu { name: string; seconds: number }

/**
 * CPU seconds per thread (Linux), by the name each of the desk's threads gives itself (src/threads/name-thread.ts):
 * `main`, `nd-read-N` (reading and parsing), `nd-pdf-N`, `nd-replies`. Threads Node starts for itself keep the
 * name `node` (V8's platform threads: garbage collection and compilation) and are summed into one row.
 */
function threadCpu(): ThreadCpu[] {
  const tick = 100;
  try {
    const byName = new Map<string, number>();
    const unnamed: number[] = [];
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const comm = readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim();
      const seconds = (Number(fields[11]) + Number(fields[12])) / tick;
      if (comm === 'node' && Number(tid) !== process.pid) unnamed.push(seconds);
      const name = Number(tid) === process.pid ? 'main' : comm === 'node' ? 'node' : comm;
      byName.set(name, (byName.get(name) ?? 0) + seconds);
    }
    const busy = unnamed.filter((s) => s >= 0.05).map((s) => s.toFixed(1));
    return [...byName]
      .map(([name, seconds]) => ({ name: name === 'node' ? `Node's own (V8 GC and compiler): ${busy.join(' + ')} s` : name, seconds }))
      .filter((t) => t.seconds >= 0.05);
  } catch {
    return [];
  }
}

/** Child: the product's email intake on a fresh SQLite database, reporting what it has processed until told to stop. */
async function runIntake(imapUrl: string, smtpUrl: string): Promise<void> {
  const database = tempSqlitePath();
  const db = await openTestDb(database);
  const intake = startEmailIntake({ db, ctx: await intakeCtx(db), config: { imapUrls: [imapUrl], smtpUrl, from: OUR_ADDRESS, dataDir: 'data/tmp', database }, log });
  process.send?.({ kind: 'ready' } satisfies FromChild);
  // Where the resident memory is: the main thread's heap is sampled; the rest is the threads.
  let heapMb = 0;
  const memory = setInterval(() => (heapMb = Math.max(heapMb, Math.round(process.memoryUsage().heapUsed / 1048576))), 50);
  const timer = setInterval(async () => {
    const row = await db.selectFrom('raw_messages').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', 'processed').executeTakeFirstOrThrow();
    process.send?.({ kind: 'processed', count: Number(row.n) } satisfies FromChild);
  }, 200);
  await once(process, 'message');
  clearInterval(timer);
  clearInterval(memory);
  // Read before stopping: the threads end with the intake, and their time with them.
  const threads = threadCpu();
  await intake.stop();
  await db.destroy();
  process.send?.({ kind: 'done', peakRssMb: peakRssMb(), cpuSeconds: cpuSeconds(), mainHeapMb: heapMb, threads } satisfies FromChild, () => process.exit(0));
}

/** Child: the floor — fetch every message with imapflow and parse it with simpleParser, nothing else. */
async function runBare(port: number): Promise<void> {
  const started = Date.now();
  const bare = await imap(port);
  await bare.mailboxOpen('INBOX', { readOnly: true });
  let parsed = 0;
  for await (const message of bare.fetch('1:*', { uid: true, source: true })) {
    if (message.source) await simpleParser(message.source);
    parsed++;
  }
  await bare.logout();
  process.send?.({ kind: 'done', seconds: (Date.now() - started) / 1000, parsed, peakRssMb: peakRssMb(), cpuSeconds: cpuSeconds() } satisfies FromChild, () => process.exit(0));
}

function child(args: string[]) {
  const profile = process.env.BENCH_PROFILE && args[0] === 'intake' ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const proc: ChildProcess = fork(self(), args, { execArgv: ['--expose-gc', ...profile, ...(args[0] === 'intake' && process.env.BENCH_NODE_FLAGS ? process.env.BENCH_NODE_FLAGS.split(' ') : [])], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let processed = 0;
  const done = new Promise<Extract<FromChild, { kind: 'done' }>>((resolve, reject) => {
    proc.on('message', (m: FromChild) => {
      if (m.kind === 'processed') processed = m.count;
      if (m.kind === 'done') resolve(m);
    });
    proc.once('exit', (code) => reject(new Error(`bench child ${args[0]} exited with ${code}`)));
  });
  done.catch(() => undefined);
  return {
    ready: once(proc, 'message'),
    processed: () => processed,
    done,
    stop() {
      proc.send('stop');
      return done;
    },
  };
}

async function startReceiver(port: number) {
  const proc: ChildProcess = fork(self(), ['receiver', String(port)], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const arrivals: Arrival[] = [];
  const listeners: Array<(a: Arrival) => void> = [];
  const ready = once(proc, 'message');
  proc.on('message', (m: Arrival | 'ready') => {
    if (m === 'ready') return;
    arrivals.push(m);
    for (const listener of listeners) listener(m);
  });
  await ready;
  return {
    url: `smtp://127.0.0.1:${port}`,
    count: () => arrivals.length,
    onMessage: (listener: (a: Arrival) => void) => listeners.push(listener),
    async waitFor(count: number, timeoutMs: number) {
      const deadline = Date.now() + timeoutMs;
      while (arrivals.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} mails at SMTP, got ${arrivals.length}`);
        await sleep(50);
      }
    },
    async stop() {
      const exited = once(proc, 'exit');
      proc.disconnect();
      await exited;
    },
  };
}

interface Row { what: string; figure: string; peak: string }

async function latency(rows: Row[]): Promise<void> {
  const [dovecot, smtp] = await Promise.all([startDovecot(1190), startReceiver(2590)]);
  const intake = child(['intake', dovecot.url(), smtp.url]);
  await intake.ready;
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  smtp.onMessage((mail) => {
    const start = sentAt.get(mail.to);
    if (start !== undefined) latencies.push(mail.at - start);
  });
  const appender = await imap(1190);
  await sleep(1_000);
  // Paced like a busy inbox: one notice every 250 ms, each timed on its own.
  for (let i = 0; i < LATENCY_N; i++) {
    const tag = `lat-${i}`;
    sentAt.set(`${tag}@bench.example`, Date.now());
    await appender.append('INBOX', notice(tag));
    await sleep(250);
  }
  await smtp.waitFor(LATENCY_N, 60_000);
  await appender.logout();
  const { peakRssMb: peak } = await intake.stop();
  const sorted = [...latencies].sort((a, b) => a - b);
  rows.push({ what: `APPEND -> acknowledgement at SMTP, ${sorted.length} notices (p50 / p99 / max)`, figure: `${pct(sorted, 50)} / ${pct(sorted, 99)} / ${sorted.at(-1)} ms`, peak: `${peak} MB` });
  await Promise.all([dovecot.stop(), smtp.stop()]);
}

async function backlog(rows: Row[]): Promise<void> {
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

  const bare = await child(['bare', String(1191)]).done;
  rows.push({ what: `floor: bare imapflow fetch + simpleParser of ${bare.parsed} messages`, figure: `${bare.seconds!.toFixed(1)} s (CPU ${bare.cpuSeconds.toFixed(1)} s)`, peak: `${bare.peakRssMb} MB` });

  const started = Date.now();
  const intake = child(['intake', dovecot.url(), smtp.url]);
  await intake.ready;
  while (intake.processed() < BACKLOG) await sleep(100);
  const takenIn = (Date.now() - started) / 1000;
  await smtp.waitFor(BACKLOG, 30 * 60_000);
  const answered = (Date.now() - started) / 1000;
  const { peakRssMb: peak, mainHeapMb, cpuSeconds: cpu, threads = [] } = await intake.stop();
  rows.push({ what: `Noticedesk intake of ${BACKLOG} waiting messages (stored, parsed, checked, case opened, reply queued, flagged)`, figure: `${takenIn.toFixed(1)} s (${(BACKLOG / takenIn).toFixed(0)}/s, ${(takenIn / bare.seconds!).toFixed(2)}x the floor)`, peak: `${peak} MB` });
  rows.push({ what: `  ... CPU time of the intake process, all threads, until every acknowledgement left`, figure: `${cpu.toFixed(1)} s (${((cpu * 1000) / BACKLOG).toFixed(2)} ms/message, floor ${((bare.cpuSeconds * 1000) / BACKLOG).toFixed(2)})`, peak: `main heap ${mainHeapMb} MB` });
  for (const t of threads.sort((a, b) => b.seconds - a.seconds)) {
    rows.push({ what: `      CPU of thread ${t.name}`, figure: `${t.seconds.toFixed(1)} s (${((t.seconds * 1000) / BACKLOG).toFixed(2)} ms/message)`, peak: '' });
  }
  rows.push({ what: `  ... all ${BACKLOG} acknowledgements at SMTP`, figure: `${answered.toFixed(1)} s`, peak: '' });
  await Promise.all([dovecot.stop(), smtp.stop()]);
}

function printTable(rows: Row[]): void {
  const width = [Math.max(4, ...rows.map((r) => r.what.length)), Math.max(6, ...rows.map((r) => r.figure.length)), Math.max(8, ...rows.map((r) => r.peak.length))] as const;
  const line = (a: string, b: string, c: string) => `| ${a.padEnd(width[0])} | ${b.padEnd(width[1])} | ${c.padEnd(width[2])} |`;
  console.log(line('what', 'figure', 'peak RSS'));
  console.log(line('-'.repeat(width[0]), '-'.repeat(width[1]), '-'.repeat(width[2])));
  for (const row of rows) console.log(line(row.what, row.figure, row.peak));
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'receiver') await runReceiver(Number(args[0]));
else if (mode === 'intake') await runIntake(args[0]!, args[1]!);
else if (mode === 'bare') await runBare(Number(args[0]));
else {
  const rows: Row[] = [];
  if (process.env.BENCH_SKIP_LATENCY !== '1') await latency(rows);
  await backlog(rows);
  printTable(rows);
}
