import type { Plugin } from 'graphql-yoga';

/** Logs one line per request: method, path, status and time taken. */
export function useRequestLog(log: (line: string) => void): Plugin {
  const started = new WeakMap<Request, number>();
  return {
    onRequest({ request }) {
      started.set(request, performance.now());
    },
    onResponse({ request, response }) {
      const start = started.get(request);
      const ms = start === undefined ? 0 : performance.now() - start;
      log(
        `${request.method} ${new URL(request.url).pathname} ${response.status} ${ms.toFixed(1)}ms`,
      );
    },
  };
}
