// The one way the source clients talk HTTP: a User-Agent that names us, a pause between requests,
// a timeout per request, and retries with exponential backoff on 429, 5xx, timeouts, dropped
// connections and unreadable bodies, honouring Retry-After. Failures end as one-line SourceErrors.
import { SourceError } from './source-error.ts';

export interface PoliteFetchOptions {
  /** Names the service in error messages: `arXiv`, `OpenAlex`, `Semantic Scholar`. */
  service: string;
  /** Sent as User-Agent; services ask for a way to reach whoever runs the client. */
  userAgent: string;
  /** Extra headers on every request (an API key). */
  headers?: Record<string, string>;
  /** Least time between the starts of two requests. @default 1000 */
  minIntervalMs?: number;
  /** Per-request timeout, body included. @default 30_000 */
  timeoutMs?: number;
  /** Attempts after the first. @default 5 */
  retries?: number;
  /** First backoff delay, doubled per attempt. @default 1000 */
  backoffMs?: number;
  /** Longest wait before a retry, Retry-After included. @default 60_000 */
  maxDelayMs?: number;
  /** Told before each retry (for a log line). */
  onRetry?: (message: string, delayMs: number) => void;
  /** For tests. */
  sleep?: (ms: number) => Promise<void>;
}

export interface PoliteRequest {
  method?: 'GET' | 'POST';
  body?: string;
}

/** Thrown by a body parser when a 200 response is unusable (truncated, malformed): retried. */
export class BadBodyError extends Error {
  override name = 'BadBodyError';
}

/** Seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * Delay before retry number `attempt` (from 0): Retry-After when the service gives one, else
 * `backoffMs * 2^attempt` with up to 25% jitter; never more than `maxDelayMs`.
 */
export function backoffDelay(
  attempt: number,
  retryAfterMs: number | null,
  backoffMs: number,
  maxDelayMs: number,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== null) return Math.min(retryAfterMs, maxDelayMs);
  const base = backoffMs * 2 ** attempt;
  return Math.min(Math.round(base * (1 + random() * 0.25)), maxDelayMs);
}

const RETRYABLE = (status: number) => status === 429 || status >= 500;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type PoliteFetch = <T>(
  url: string,
  parse: (body: string, response: Response) => T | Promise<T>,
  request?: PoliteRequest,
) => Promise<T>;

/** A fetch for one service; requests made through it are spaced and retried as configured. */
export function createPoliteFetch(options: PoliteFetchOptions): PoliteFetch {
  const {
    service,
    minIntervalMs = 1000,
    timeoutMs = 30_000,
    retries = 5,
    backoffMs = 1000,
    maxDelayMs = 60_000,
    sleep = defaultSleep,
  } = options;
  let nextStart = 0;
  // Requests through one client never overlap, so the spacing holds under concurrency too.
  let queue: Promise<unknown> = Promise.resolve();

  const attemptOnce = async <T>(
    url: string,
    parse: (body: string, response: Response) => T | Promise<T>,
    request: PoliteRequest,
  ): Promise<
    { ok: true; value: T } | { ok: false; retry: boolean; message: string; after: number | null }
  > => {
    const wait = nextStart - Date.now();
    if (wait > 0) await sleep(wait);
    nextStart = Date.now() + minIntervalMs;
    let response: Response;
    let body: string;
    try {
      response = await fetch(url, {
        method: request.method ?? 'GET',
        body: request.body,
        headers: {
          'user-agent': options.userAgent,
          accept: 'application/json, application/atom+xml;q=0.9, */*;q=0.1',
          ...(request.body ? { 'content-type': 'application/json' } : {}),
          ...options.headers,
        },
        signal: AbortSignal.timeout(timeoutMs),
      });
      body = await response.text();
    } catch (error) {
      const err = error as Error;
      const timedOut = err.name === 'TimeoutError' || err.name === 'AbortError';
      const cause = (err.cause as Error | undefined)?.message;
      return {
        ok: false,
        retry: true,
        message: timedOut
          ? `no answer within ${timeoutMs / 1000} s`
          : `request failed (${cause ?? err.message})`,
        after: null,
      };
    }
    if (!response.ok) {
      return {
        ok: false,
        retry: RETRYABLE(response.status),
        message: `HTTP ${response.status}${describeBody(body)}`,
        after: parseRetryAfter(response.headers.get('retry-after')),
      };
    }
    try {
      return { ok: true, value: await parse(body, response) };
    } catch (error) {
      if (error instanceof BadBodyError) {
        return { ok: false, retry: true, message: error.message, after: null };
      }
      throw error;
    }
  };

  return <T>(
    url: string,
    parse: (body: string, response: Response) => T | Promise<T>,
    request: PoliteRequest = {},
  ): Promise<T> => {
    const run = async (): Promise<T> => {
      for (let attempt = 0; ; attempt += 1) {
        const outcome = await attemptOnce(url, parse, request);
        if (outcome.ok) return outcome.value;
        if (!outcome.retry || attempt >= retries) {
          const tries = attempt + 1;
          throw new SourceError(
            `${service}: ${outcome.message}${tries > 1 ? ` (gave up after ${tries} attempts)` : ''} [${redact(url)}]`,
          );
        }
        const delay = backoffDelay(attempt, outcome.after, backoffMs, maxDelayMs);
        options.onRetry?.(
          `${service}: ${outcome.message}; retrying in ${(delay / 1000).toFixed(1)} s`,
          delay,
        );
        await sleep(delay);
      }
    };
    const result = queue.then(run, run);
    queue = result.catch(() => {});
    return result;
  };
}

/** The service's own words when it sends some (JSON `message`/`error`, Atom `<summary>`), short. */
function describeBody(body: string): string {
  let text: string;
  try {
    const json = JSON.parse(body) as unknown;
    const fields =
      typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
    text = String(fields.message ?? fields.error ?? fields.detail ?? '');
  } catch {
    const summary = /<summary[^>]*>([\s\S]*?)<\/summary>/.exec(body);
    text = summary ? summary[1] : body.startsWith('<') ? '' : body;
  }
  text = text.replace(/\s+/g, ' ').trim();
  if (text === '') return '';
  return `: ${text.length > 200 ? `${text.slice(0, 200)}...` : text}`;
}

/** URLs in messages without credentials-like parameters. */
function redact(url: string): string {
  return url.replace(/([?&](?:api_key|key)=)[^&]*/gi, '$1...');
}
