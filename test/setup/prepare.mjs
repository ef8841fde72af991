// Installs the real servers the test suite talks to (Dovecot, Chromium,
// PostgreSQL) from Debian's packages when they are missing. Runs before
// vitest in `npm test`; needs root for apt-get, and says so otherwise.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const needs = [
  { binary: '/usr/sbin/dovecot', packages: ['dovecot-imapd'], for: 'email intake tests (IMAP)' },
  { binary: '/usr/bin/chromium', packages: ['chromium'], for: 'console tests in a real browser' },
  { binary: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', packages: ['fonts-wqy-microhei'], for: 'Chinese pages drawn legibly in browser screenshots' },
  { binary: '/usr/lib/postgresql/15/bin/initdb', packages: ['postgresql'], for: 'store tests on PostgreSQL' },
];

const missing = needs.filter((need) => !existsSync(need.binary));
if (missing.length === 0) process.exit(0);

const packages = missing.flatMap((need) => need.packages);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(`test setup: missing ${packages.join(', ')} (${missing.map((m) => m.for).join('; ')}).`);
  console.error('Install them with: sudo apt-get install -y ' + packages.join(' '));
  process.exit(1);
}
console.error(`test setup: installing ${packages.join(', ')} with apt-get`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
const run = (args) => execFileSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
try {
  run(['install', '-y', '--no-install-recommends', ...packages]);
} catch {
  run(['update']);
  run(['install', '-y', '--no-install-recommends', ...packages]);
}
