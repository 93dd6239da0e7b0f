// GraphiQL at /graphql with no internet: its scripts, styles and editor workers come from the
// installed @graphql-yoga/render-graphiql package and are served by this server, under a
// Content-Security-Policy that allows this origin alone. Yoga's default page loads all of it from
// a CDN (and shows "Loading..." forever offline). The package's own renderer inlines every asset
// into each page, which would need 'unsafe-inline' scripts; here they are separate, cacheable
// files and the page itself runs no inline code.
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import type { GraphiQLOptions, Plugin } from 'graphql-yoga';

const VERSION: string = createRequire(import.meta.url)(
  '@graphql-yoga/render-graphiql/package.json',
).version;

/** Where the assets live; the version in the path lets browsers keep them for good. */
export const GRAPHIQL_ASSETS_PATH = `/graphql/graphiql/${VERSION}/`;

/**
 * The policy of the GraphiQL page: everything from this origin, fonts and icons inlined in its
 * stylesheet as data: URLs. No 'unsafe-eval'. 'unsafe-inline' for styles only, because the
 * editor (Monaco) and the dialogs add <style> elements at run time without a nonce; scripts stay
 * strict.
 */
export const GRAPHIQL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  'font-src data:',
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Monaco asks for a worker by label; each is a file beside the page's scripts. */
const WORKER_FILES = {
  editorWorkerService: 'editor.worker.js',
  json: 'json.worker.js',
  graphql: 'graphql.worker.js',
};

/**
 * Runs before GraphiQL's bundle (Monaco reads its environment when it loads) and renders it
 * once the document is parsed, with the options the page carries as JSON data.
 */
const START_SCRIPT = `(() => {
  const base = ${JSON.stringify(GRAPHIQL_ASSETS_PATH)};
  const workers = ${JSON.stringify(WORKER_FILES)};
  self.MonacoEnvironment = {
    globalAPI: false,
    getWorkerUrl: (_moduleId, label) => base + (workers[label] ?? workers.editorWorkerService),
  };
  document.addEventListener('DOMContentLoaded', () => {
    const options = JSON.parse(document.getElementById('graphiql-options').textContent);
    YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), options);
  });
})();
`;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Yoga's `renderGraphiQL`: a page that loads GraphiQL from this server only. */
export function renderOfflineGraphiQL(options: GraphiQLOptions): string {
  const { favicon: _favicon, ...rest } = options;
  // A JSON data block is not run, so the CSP needs no hash for it; "<" is escaped so no value
  // can close the element.
  const json = JSON.stringify(rest).replace(/</g, '\\u003c');
  const asset = (file: string) => `${GRAPHIQL_ASSETS_PATH}${file}`;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(options.title ?? 'GraphiQL')}</title>
    <link rel="icon" href="${asset('favicon.ico')}" />
    <link rel="stylesheet" href="${asset('graphiql.css')}" />
    <script id="graphiql-options" type="application/json">${json}</script>
    <script src="${asset('start.js')}"></script>
    <script src="${asset('graphiql.js')}"></script>
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>GraphiQL needs JavaScript.</noscript>
    <div id="root">Loading GraphiQL…</div>
  </body>
</html>
`;
}

interface Asset {
  body: Uint8Array<ArrayBuffer>;
  gzipped: Uint8Array<ArrayBuffer> | null;
  type: string;
}

const JS = 'text/javascript; charset=utf-8';

/** The files by name, read from the package on first use (several MB: not at start-up). */
async function loadAssets(): Promise<Map<string, Asset>> {
  const bundle = await import('@graphql-yoga/render-graphiql/graphiql');
  const text = (body: string, type: string): Asset => ({
    body: new TextEncoder().encode(body),
    gzipped: null,
    type,
  });
  const favicon = /^data:([^;]+);base64,(.*)$/.exec(bundle.favicon);
  return new Map([
    ['start.js', text(START_SCRIPT, JS)],
    ['graphiql.js', text(bundle.js, JS)],
    ['graphiql.css', text(bundle.css, 'text/css; charset=utf-8')],
    [WORKER_FILES.editorWorkerService, text(bundle.editorWorkerService, JS)],
    [WORKER_FILES.json, text(bundle.jsonWorker, JS)],
    [WORKER_FILES.graphql, text(bundle.graphqlWorker, JS)],
    ...(favicon
      ? [
          [
            'favicon.ico',
            {
              body: new Uint8Array(Buffer.from(favicon[2]!, 'base64')),
              gzipped: null,
              type: favicon[1]!,
            },
          ] as const,
        ]
      : []),
  ]);
}

/** Serves GraphiQL's assets under GRAPHIQL_ASSETS_PATH, gzipped for browsers that take it. */
export function useGraphiqlAssets(): Plugin {
  let assets: Promise<Map<string, Asset>> | null = null;
  return {
    async onRequest({ url, request, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith('/graphql/graphiql/')) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      const name = url.pathname.startsWith(GRAPHIQL_ASSETS_PATH)
        ? url.pathname.slice(GRAPHIQL_ASSETS_PATH.length)
        : '';
      assets ??= loadAssets();
      const asset = (await assets).get(name);
      if (!asset) {
        return endResponse(
          new fetchAPI.Response('Not found\n', {
            status: 404,
            headers: { 'content-type': 'text/plain; charset=utf-8' },
          }),
        );
      }
      const gzip = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
      if (gzip) asset.gzipped ??= new Uint8Array(gzipSync(asset.body));
      const body = gzip && asset.gzipped ? asset.gzipped : asset.body;
      endResponse(
        new fetchAPI.Response(request.method === 'HEAD' ? null : body, {
          status: 200,
          headers: {
            'content-type': asset.type,
            'content-length': String(body.byteLength),
            'cache-control': 'public, max-age=31536000, immutable',
            vary: 'accept-encoding',
            ...(gzip ? { 'content-encoding': 'gzip' } : {}),
          },
        }),
      );
    },
  };
}
