// Serves the built explorer (ui/dist) from the API server: any GET that is not the API, the
// health checks or the liveness probe. Unknown paths without an extension get index.html, so a
// shared link into the single-page app still loads.
import { realpath, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'graphql-yoga';

/** Paths left to yoga and the other plugins. */
const RESERVED = ['/graphql', '/health', '/live'];

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** Vite puts content-hashed files under /assets/: they never change, so caches may keep them. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (index.html above all) is revalidated, so a rebuild shows at once. */
const REVALIDATE = 'no-cache';

export function serveUiPlugin(distDir: string): Plugin {
  const root = path.resolve(distDir);
  return {
    async onRequest({ url, request, endResponse, fetchAPI }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (RESERVED.some((p) => url.pathname === p || url.pathname.startsWith(`${p}/`))) return;
      const reply = (body: BodyInit | null, status: number, headers: Record<string, string>) =>
        endResponse(
          new fetchAPI.Response(request.method === 'HEAD' ? null : body, {
            status,
            headers: { 'x-content-type-options': 'nosniff', ...headers },
          }),
        );
      const notFound = () => reply('Not found\n', 404, { 'content-type': CONTENT_TYPES['.txt'] });

      const file = await findFile(root, url.pathname);
      if (file === 'bad') return notFound();
      if (file === null) {
        return reply(
          'The explorer is not built: run `npm start` or `npx vite build --config ui/vite.config.ts`.\n',
          503,
          {
            'content-type': CONTENT_TYPES['.txt'],
          },
        );
      }
      if (file === 'missing') return notFound();
      const body = await readFile(file);
      const relative = path.relative(root, file).split(path.sep).join('/');
      return reply(new Uint8Array(body), 200, {
        'content-type':
          CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': String(body.byteLength),
        'cache-control': relative.startsWith('assets/') ? IMMUTABLE : REVALIDATE,
      });
    },
  };
}

/**
 * The file a URL path stands for, inside `root` only: 'bad' for paths that cannot be decoded or
 * leave the root, 'missing' for files that do not exist, null when the build itself is missing.
 */
async function findFile(
  root: string,
  pathname: string,
): Promise<string | 'bad' | 'missing' | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return 'bad';
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return 'bad';
  const wanted = path.resolve(root, `.${decoded}`);
  if (!isInside(root, wanted)) return 'bad';

  const index = path.join(root, 'index.html');
  if (!(await isFile(index))) return null;
  if (await isFile(wanted)) {
    // A symlink inside the build must not lead outside it either.
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(wanted)]);
    return isInside(realRoot, realFile) ? wanted : 'bad';
  }
  // The single-page app's own routes: no extension in the last segment.
  if (!path.extname(decoded)) return index;
  return 'missing';
}

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
