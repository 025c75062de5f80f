import { createInterface, type Interface } from 'node:readline';

let piped: { readonly lines: Interface; readonly next: AsyncIterator<string> } | undefined;

/**
 * The next line of piped standard input. One reader serves every prompt of a run: a second
 * reader would miss the lines the first one had already buffered (password, then code).
 */
async function nextPipedLine(): Promise<string> {
  if (!piped) {
    const lines = createInterface({ input: process.stdin });
    piped = { lines, next: lines[Symbol.asyncIterator]() };
  }
  const next = await piped.next.next();
  return next.done ? '' : next.value;
}

/** Lets the process end when standard input is a pipe that stays open. */
export function closePrompts(): void {
  piped?.lines.close();
  piped = undefined;
}

/** Reads a secret: hidden at a terminal, the next line of standard input otherwise. */
export async function readSecret(question: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) return nextPipedLine();
  process.stderr.write(question);
  input.setRawMode(true);
  input.resume();
  return new Promise((resolve) => {
    let secret = '';
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          input.setRawMode(false);
          input.pause();
          input.off('data', onData);
          process.stderr.write('\n');
          resolve(secret);
          return;
        }
        if (char === '\u0003') process.exit(130);
        secret = char === '\u007f' ? secret.slice(0, -1) : secret + char;
      }
    };
    input.on('data', onData);
  });
}

/** Reads a short visible answer (a one-time code): echoed at a terminal, the next piped line otherwise. */
export async function readLine(question: string): Promise<string> {
  if (!process.stdin.isTTY) return nextPipedLine();
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await new Promise<string>((resolve) => terminal.question(question, resolve));
  } finally {
    terminal.close();
  }
}
