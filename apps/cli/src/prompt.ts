import { createInterface } from 'node:readline';

/** Reads a secret: hidden at a terminal, the first line of standard input otherwise. */
export async function readSecret(question: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    const lines = createInterface({ input });
    for await (const line of lines) {
      lines.close();
      return line;
    }
    return '';
  }
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
