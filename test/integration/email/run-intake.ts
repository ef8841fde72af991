// Child process for the crash test: runs the email intake until killed.
import { startEmailIntake } from '../../../src/intake/start-email.js';
import { openDatabase } from '../../../src/store/open.js';
import { intakeCtx, OUR_ADDRESS } from './harness.js';

const [dbPath, imapUrl, smtpUrl] = process.argv.slice(2);
if (!dbPath || !imapUrl || !smtpUrl) throw new Error('usage: run-intake DB IMAP_URL SMTP_URL');
const db = openDatabase(dbPath);
const intake = startEmailIntake({
  db,
  ctx: await intakeCtx(db),
  config: { imapUrls: [imapUrl], smtpUrl, from: OUR_ADDRESS, dataDir: 'data/tmp', replyLeaseMs: 1_500, pollMs: 1_000, database: dbPath },
  log: (line) => process.stdout.write(`${line}\n`),
});
process.on('SIGTERM', () => {
  void intake.stop().then(() => db.destroy()).then(() => process.exit(0));
});
