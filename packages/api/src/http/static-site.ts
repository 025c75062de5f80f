import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Context } from 'hono';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves a built single-page app from `root`; paths that are not files get its index.html.
 * Hashed assets are cached for a year, the index never.
 */
export function staticSite(root: string, mountPath: string) {
  const rootDir = normalize(root);
  return async (c: Context): Promise<Response> => {
    const relative = decodePath(new URL(c.req.url).pathname.slice(mountPath.length)).replace(/^\/+/, '');
    const candidate = normalize(join(rootDir, relative));
    const insideRoot = candidate === rootDir || candidate.startsWith(rootDir + sep);
    const file = insideRoot && relative !== '' && (await isFile(candidate)) ? candidate : join(rootDir, 'index.html');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return c.text('This front end is not built yet: run `pnpm build`.', 503);
    }
    const isIndex = file.endsWith('index.html');
    return c.body(new Uint8Array(body), 200, {
      'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'cache-control': isIndex ? 'no-cache' : 'public, max-age=31536000, immutable',
    });
  };
}

/** A malformed percent-encoding (`/%E0%A4%A`) names no file: it gets the index, not a server error. */
function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return '';
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
