// A local HTTP server on 127.0.0.1 that answers the source clients from recorded fixtures, with
// faults (429, 5xx, slow, truncated, malformed) injected per request. Nothing leaves the machine.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FixtureRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface FixtureResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** Wait this long before answering (to trigger client timeouts). */
  delayMs?: number;
}

export interface FixtureServer {
  url: string;
  requests: FixtureRequest[];
  close(): Promise<void>;
}

export function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/sources/${name}`, import.meta.url), 'utf8');
}

export const atom = (body: string): FixtureResponse => ({
  headers: { 'content-type': 'application/atom+xml; charset=utf-8' },
  body,
});

export const json = (body: string, status = 200): FixtureResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body,
});

export async function startFixtureServer(
  route: (request: FixtureRequest) => FixtureResponse,
): Promise<FixtureServer> {
  const requests: FixtureRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const request = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      let response: FixtureResponse;
      try {
        response = route(request);
      } catch (error) {
        response = { status: 500, body: `fixture route failed: ${(error as Error).message}` };
      }
      const answer = () => {
        if (res.destroyed) return;
        res.writeHead(response.status ?? 200, response.headers ?? {});
        res.end(response.body ?? '');
      };
      if (response.delayMs) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          answer();
        }, response.delayMs);
        timers.add(timer);
      } else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
