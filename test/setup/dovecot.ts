import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createConnection } from 'node:net';

/** A throwaway Dovecot: its own config, users and Maildir in a temp folder. */
export interface Dovecot {
  host: string;
  port: number;
  user: string;
  password: string;
  dir: string;
  /** `imap://intake:secret@127.0.0.1:PORT/INBOX` plus any query given. */
  url(mailbox?: string, query?: string): string;
  /** The Maildir of the user, for tests that drop files in directly. */
  maildir: string;
  stop(): Promise<void>;
}

const DOVECOT = '/usr/sbin/dovecot';

/** Installs dovecot-imapd once; the image runs tests as root, so apt works. */
export function ensureDovecotInstalled(): void {
  if (existsSync(DOVECOT)) return;
  const install = spawnSync('apt-get', ['install', '-y', 'dovecot-imapd'], { stdio: 'inherit' });
  if (install.status !== 0) {
    spawnSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', 'dovecot-imapd'], { stdio: 'inherit' });
  }
}

function config(dir: string, port: number): string {
  return `base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = test-imap-${port}
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%n ${dir}/passwd
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=${dir}/mail/%n
}
mail_location = maildir:~/Maildir
namespace inbox {
  inbox = yes
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`;
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => { socket.end(); resolve(true); });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await sleep(50);
  }
  throw new Error(`Dovecot did not listen on ${port}`);
}

export async function startDovecot(port: number): Promise<Dovecot> {
  ensureDovecotInstalled();
  const dir = await mkdtemp(join(tmpdir(), `dovecot-${port}-`));
  await chmod(dir, 0o755);
  const user = 'intake';
  const password = 'secret';
  await writeFile(join(dir, 'passwd'), `${user}:{PLAIN}${password}::::::\n`);
  await writeFile(join(dir, 'dovecot.conf'), config(dir, port));
  const maildir = join(dir, 'mail', user, 'Maildir');
  for (const sub of ['cur', 'new', 'tmp']) await mkdir(join(maildir, sub), { recursive: true });
  execFileSync('chown', ['-R', 'nobody:nogroup', join(dir, 'mail')]);
  execFileSync(DOVECOT, ['-c', join(dir, 'dovecot.conf')], { stdio: 'ignore' });
  await waitForPort(port, 10_000);
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    dir,
    maildir,
    url: (mailbox = 'INBOX', query = '') =>
      `imap://${user}:${password}@127.0.0.1:${port}/${encodeURIComponent(mailbox)}${query ? `?${query}` : ''}`,
    async stop() {
      const pidFile = join(dir, 'run', 'master.pid');
      const pid = existsSync(pidFile) ? Number((await readFile(pidFile, 'utf8')).trim()) : null;
      spawnSync('doveadm', ['-c', join(dir, 'dovecot.conf'), 'stop']);
      for (let i = 0; pid && i < 100; i++) {
        try { process.kill(pid, 0); } catch { break; }
        await sleep(50);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
