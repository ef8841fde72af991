import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..', '..');
const biome = join(root, 'node_modules', '.bin', 'biome');

// Writes a probe module at `relPath`, lints it with the project's configuration and removes it.
async function lintProbe(relPath: string, source: string): Promise<{ code: number; output: string }> {
  const file = join(root, relPath);
  await writeFile(file, source);
  try {
    const { stdout, stderr } = await run(biome, ['lint', '--diagnostic-level=error', relPath], { cwd: root });
    return { code: 0, output: stdout + stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, output: err.stdout + err.stderr };
  } finally {
    await rm(file, { force: true });
  }
}

const probeName = () => `boundary-probe-${randomUUID().slice(0, 8)}.ts`;

describe('import boundaries (npm run lint)', () => {
  it('fails when the domain imports intake', async () => {
    const r = await lintProbe(
      `src/domain/${probeName()}`,
      "import { readMessage } from '../intake/mime/read-message.js';\nexport const probe = readMessage;\n",
    );
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('The core must not import an adapter');
  });

  it('fails when the parser imports a framework', async () => {
    const r = await lintProbe(`src/parse/${probeName()}`, "import { simpleParser } from 'mailparser';\nexport const probe = simpleParser;\n");
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('The core must not import a framework');
  });

  it('fails when an adapter imports the composition root', async () => {
    const r = await lintProbe(`console/${probeName()}`, "import { openRuntime } from '../src/main.js';\nexport const probe = openRuntime;\n");
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('must not import the composition root');
  });

  it('passes a domain module that imports only the domain', async () => {
    const r = await lintProbe(
      `src/domain/${probeName()}`,
      "import { senderOf } from './cases/same-party.js';\nexport const probe = senderOf;\n",
    );
    expect(r.output).not.toContain('must not import');
    expect(r.code).toBe(0);
  });
});
