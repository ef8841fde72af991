import { Command, Option } from 'commander';
import { ConfigError, loadConfig } from './config.js';
import { CaseStatus } from './domain/schemas/index.js';
import { hashPassword } from './domain/users/password.js';
import { readPassword } from './cli/read-password.js';
import { openRuntime } from './main.js';
import { migrateToLatest } from './store/migrate.js';
import { openDatabase } from './store/open.js';
import { findUserByEmail, Role, upsertUser } from './store/repos/users.js';
import { issueApiToken } from './domain/users/api-tokens.js';
import { printCases } from './cli/cases.js';
import { importEmlFiles } from './cli/import.js';
import { startAll } from './cli/start.js';

const out = (line: string) => process.stdout.write(`${line}\n`);
// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const program = new Command('noticedesk').description('Intake desk for intellectual-property takedown notices.').showHelpAfterError();

program
  .command('start')
  .description('run intake, the console and everything configured, until SIGTERM or SIGINT')
  .option('--demo', 'load the demo notices and the demo reviewer account first')
  .action(async (options: { demo?: boolean }) => {
    const log = (line: string) => process.stderr.write(`${line}\n`);
    // Signals are taken from the first moment, so a stop during start-up still shuts down cleanly.
    let stopRequested: string | null = null;
    let running: { stop(): Promise<void> } | null = null;
    const shutdown = (signal: string) => {
      if (stopRequested) return;
      stopRequested = signal;
      log(`${signal}: shutting down`);
      if (running) running.stop().then(() => process.exit(0), () => process.exit(1));
    };
    process.on('SIGTERM', () => shutdown('SIGTERM'));
    process.on('SIGINT', () => shutdown('SIGINT'));
    const runtime = await openRuntime(loadConfig());
    running = await startAll(runtime, { demo: !!options.demo, log });
    if (stopRequested) await running.stop().then(() => process.exit(0), () => process.exit(1));
  });

program
  .command('parse')
  .description('parse notice files (.eml, .txt, .md, .html) and print what was found and what is missing')
  .argument('<files...>', 'files to parse')
  .option('--json', 'one JSON object per file per line')
  .option('--platform <id>', 'platform profile to check against')
  .action(async (files: string[], options: { json?: boolean; platform?: string }) => {
    const { runParse } = await import('./cli/parse.js');
    const { PROJECT_DIR } = await import('./main.js');
    const { join } = await import('node:path');
    process.exitCode = await runParse({ files, json: !!options.json, platform: options.platform ?? null, platformsDir: join(PROJECT_DIR, 'data', 'platforms') }, out);
  });

program
  .command('import')
  .description('take in .eml files or folders of them; files already stored are skipped')
  .argument('<paths...>', '.eml files or folders')
  .action(async (paths: string[]) => {
    const runtime = await openRuntime(loadConfig());
    try {
      const summary = await importEmlFiles(runtime.ctx(), paths, { progress: process.stderr.isTTY === true });
      out(`${summary.files} file(s): ${summary.stored} new, ${summary.duplicates} already stored, ${summary.failed} failed`);
      for (const error of summary.errors) out(`  ${error}`);
      if (summary.failed) process.exitCode = 1;
    } finally {
      await runtime.close();
    }
  });

program
  .command('cases')
  .description('list cases, newest first')
  .addOption(new Option('--status <status>', 'only cases in this status').choices(CaseStatus.options))
  .option('--json', 'JSON Lines: one case per line')
  .action(async (options: { status?: CaseStatus; json?: boolean }) => {
    const db = openDatabase(loadConfig().NOTICEDESK_DB);
    try {
      await migrateToLatest(db);
      await printCases(db, { status: options.status, json: !!options.json }, out);
    } finally {
      await db.destroy();
    }
  });

const user = program.command('user').description('manage console and API accounts');
user
  .command('add')
  .description('create a console account, or reset its password and role')
  .requiredOption('--email <email>', 'login email')
  .option('--password <password>', 'password (at least 8 characters); omit it to be asked, or to read the first line of standard input')
  .addOption(new Option('--role <role>', 'reviewer, admin, submitter (API only, for agents and vendors) or platform (API only: confirms takedowns)').choices(Role.options).default('reviewer'))
  .option('--name <name>', 'display name')
  .action(async (options: { email: string; password?: string; role: Role; name?: string }) => {
    const password = options.password ?? (await readPassword().catch((error: Error) => { throw new ConfigError(`password: ${error.message}`); }));
    if (password.length < 8) throw new ConfigError('the password must be at least 8 characters');
    const db = openDatabase(loadConfig().NOTICEDESK_DB);
    try {
      await migrateToLatest(db);
      const created = await upsertUser(db, {
        email: options.email,
        name: options.name ?? null,
        passwordHash: await hashPassword(password),
        role: options.role,
        at: new Date().toISOString(),
      });
      out(`${created.email} (${created.role}) is ready`);
    } finally {
      await db.destroy();
    }
  });

program
  .command('token')
  .description('API tokens')
  .command('create')
  .description('print a new API token for an existing account (shown once; an admin can revoke it on /admin)')
  .requiredOption('--email <email>', 'the account the token acts as')
  .option('--name <name>', 'a label for the token, e.g. the tool that uses it')
  .action(async (options: { email: string; name?: string }) => {
    const runtime = await openRuntime(loadConfig());
    try {
      const account = await findUserByEmail(runtime.db, options.email.trim().toLowerCase());
      if (!account) throw new ConfigError(`There is no account ${options.email}; create it with: noticedesk user add --email ${options.email} ...`);
      const { token } = await issueApiToken(runtime.ctx(), { userId: account.id, label: options.name });
      out(token);
    } finally {
      await runtime.close();
    }
  });

program
  .command('migrate')
  .description('bring the database schema up to date')
  .action(async () => {
    const db = openDatabase(loadConfig().NOTICEDESK_DB);
    try {
      const applied = await migrateToLatest(db);
      out(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
    } finally {
      await db.destroy();
    }
  });

const dsa = program.command('dsa').description('EU Digital Services Act duties');
dsa
  .command('statements')
  .description('print the statements of reasons as the DSA Transparency Database API takes them')
  .option('--since <date>', 'only statements of decisions taken on or after this day (YYYY-MM-DD) or time')
  .option('--json', 'JSON Lines: one statement per line (default: one request body)')
  .action(async (options: { since?: string; json?: boolean }) => {
    const { printDsaStatements, parseSince } = await import('./cli/dsa.js');
    parseSince(options.since);
    const db = openDatabase(loadConfig().NOTICEDESK_DB);
    try {
      await migrateToLatest(db);
      await printDsaStatements(db, { since: options.since, json: !!options.json }, out);
    } finally {
      await db.destroy();
    }
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : `noticedesk: ${(error as Error).message}`}\n`);
  process.exit(1);
});
