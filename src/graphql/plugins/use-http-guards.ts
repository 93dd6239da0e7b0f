import type { Plugin } from 'graphql-yoga';
import { GRAPHIQL_CSP } from '../offline-graphiql.ts';

export interface HttpGuardOptions {
  /** Largest request body accepted, in bytes. @default 8 MiB */
  maxBodyBytes?: number;
}

// GraphiQL's page (GET /graphql) has its own policy; this one covers the explorer and the rest.
const EXPLORER_CSP =
  "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'";

/** Security headers on every response, and a refusal (413) of oversized request bodies. */
export function useHttpGuards(options: HttpGuardOptions = {}): Plugin {
  const maxBodyBytes = options.maxBodyBytes ?? 8 * 2 ** 20;
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      const length = Number(request.headers.get('content-length') ?? 0);
      if (length > maxBodyBytes) {
        endResponse(
          fetchAPI.Response.json(
            {
              errors: [
                {
                  message: `the request body is larger than ${maxBodyBytes} bytes`,
                  extensions: { code: 'PAYLOAD_TOO_LARGE' },
                },
              ],
            },
            { status: 413 },
          ),
        );
      }
    },
    onResponse({ request, response }) {
      const headers = response.headers;
      headers.set('X-Content-Type-Options', 'nosniff');
      headers.set('X-Frame-Options', 'DENY');
      headers.set('Referrer-Policy', 'no-referrer');
      headers.set('Cross-Origin-Opener-Policy', 'same-origin');
      const isGraphiql = request.method === 'GET' && new URL(request.url).pathname === '/graphql';
      if (!headers.has('Content-Security-Policy')) {
        headers.set('Content-Security-Policy', isGraphiql ? GRAPHIQL_CSP : EXPLORER_CSP);
      }
    },
  };
}
