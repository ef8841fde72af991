import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/**
 * A password from the terminal (asked twice, not echoed) or, when standard
 * input is a pipe or file, its first line. Keeps passwords off the command
 * line, where other users of the machine and the shell history see them.
 */
export async function readPassword(input: NodeJS.ReadStream = process.stdin, output: NodeJS.WriteStream = process.stderr): Promise<string> {
  if (!input.isTTY) return firstLine(input);
  const first = await ask('Password: ', input, output);
  const again = await ask('Again: ', input, output);
  if (first !== again) throw new Error('the two passwords differ');
  return first;
}

async function firstLine(input: NodeJS.ReadableStream): Promise<string> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

function ask(prompt: string, input: NodeJS.ReadStream, output: NodeJS.WriteStream): Promise<string> {
  output.write(prompt);
  // Echo nothing of what is typed: the prompt was written above, the readline output goes nowhere.
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input, output: silent, terminal: true });
  return new Promise((resolve) => {
    rl.question('', (answer) => {
      rl.close();
      output.write('\n');
      resolve(answer);
    });
  });
}
