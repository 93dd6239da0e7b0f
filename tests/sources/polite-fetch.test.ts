import { afterEach, describe, expect, test } from 'vitest';
import {
  backoffDelay,
  BadBodyError,
  createPoliteFetch,
  parseRetryAfter,
  type PoliteFetchOptions,
} from '../../src/sources/polite-fetch.ts';
import { SourceError } from '../../src/sources/source-error.ts';
import {
  json,
  startFixtureServer,
  type FixtureResponse,
  type FixtureServer,
} from './fixture-server.ts';

describe('backoff', () => {
  test.each([
    // attempt, Retry-After, expected delay (no jitter)
    [0, null, 100],
    [1, null, 200],
    [3, null, 800],
    [10, null, 5000],
    [0, 2000, 2000],
    [4, 0, 0],
    [0, 60_000, 5000],
  ])('attempt %i with Retry-After %s waits %i ms', (attempt, retryAfter, expected) => {
    expect(backoffDelay(attempt, retryAfter, 100, 5000, () => 0)).toBe(expected);
  });

  test('jitter adds at most a quarter', () => {
    expect(backoffDelay(2, null, 100, 5000, () => 0.999)).toBeLessThanOrEqual(500);
    expect(backoffDelay(2, null, 100, 5000, () => 0.999)).toBeGreaterThan(400);
  });

  test.each([
    ['3', 3000],
    ['0.5', 500],
    [' 12 ', 12_000],
    ['Wed, 21 Oct 2015 07:28:10 GMT', 10_000],
    ['Wed, 21 Oct 2015 07:27:00 GMT', 0],
    ['soon', null],
    ['', null],
    [null, null],
  ])('Retry-After %j is %s ms', (header, expected) => {
    expect(parseRetryAfter(header, Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(expected);
  });
});

describe('createPoliteFetch against a local server', () => {
  let server: FixtureServer;
  afterEach(() => server?.close());

  /** Serves `responses` in order, then the last one forever. */
  async function serve(responses: FixtureResponse[]) {
    let i = 0;
    server = await startFixtureServer(() => responses[Math.min(i++, responses.length - 1)]);
  }
  const slept: number[] = [];
  const client = (options: Partial<PoliteFetchOptions> = {}) =>
    createPoliteFetch({
      service: 'Test',
      userAgent: 'papergraph-test (mailto:test@example.org)',
      minIntervalMs: 0,
      backoffMs: 5,
      retries: 3,
      timeoutMs: 300,
      sleep: async (ms) => {
        slept.push(ms);
        await new Promise((resolve) => setTimeout(resolve, Math.min(ms, 5)));
      },
      ...options,
    });
  const parseJson = (body: string) => {
    try {
      return JSON.parse(body) as unknown;
    } catch {
      throw new BadBodyError('malformed JSON');
    }
  };

  test('sends the User-Agent and extra headers', async () => {
    await serve([json('{"ok":true}')]);
    const fetchJson = client({ headers: { 'x-api-key': 'k' } });
    expect(await fetchJson(`${server.url}/x`, parseJson)).toEqual({ ok: true });
    expect(server.requests[0].headers['user-agent']).toBe(
      'papergraph-test (mailto:test@example.org)',
    );
    expect(server.requests[0].headers['x-api-key']).toBe('k');
  });

  test('waits as long as Retry-After says on 429, then succeeds', async () => {
    slept.length = 0;
    await serve([
      { status: 429, headers: { 'retry-after': '2' }, body: '{"message":"Too Many Requests"}' },
      json('{"ok":true}'),
    ]);
    expect(await client()(`${server.url}/x`, parseJson)).toEqual({ ok: true });
    expect(slept).toEqual([2000]);
    expect(server.requests).toHaveLength(2);
  });

  test('backs off exponentially on 5xx, a timeout, a truncated and a malformed body', async () => {
    slept.length = 0;
    await serve([
      { status: 503, body: 'unavailable' },
      { delayMs: 1000, body: '{"ok":true}' },
      json('{"ok":tr'),
      json('<html>oops</html>'),
      json('{"ok":true}'),
    ]);
    expect(await client({ retries: 4 })(`${server.url}/x`, parseJson)).toEqual({ ok: true });
    expect(slept).toHaveLength(4);
    slept.forEach((ms, i) => {
      expect(ms).toBeGreaterThanOrEqual(5 * 2 ** i);
      expect(ms).toBeLessThanOrEqual(5 * 2 ** i * 1.25 + 1);
    });
  });

  test.each([
    [
      'a client error is not retried and says what the service said',
      [json('{"error":"Invalid query parameters: unknown field"}', 400)],
      /^Test: HTTP 400: Invalid query parameters: unknown field \[http:\/\/127\.0\.0\.1:\d+\/x\]$/,
      1,
    ],
    [
      'a server that keeps failing is given up on, counting the attempts',
      [{ status: 500, body: 'Internal Server Error' }],
      /^Test: HTTP 500: Internal Server Error \(gave up after 4 attempts\)/,
      4,
    ],
    [
      'a server that never answers in time',
      [{ delayMs: 2000, body: '{}' }],
      /^Test: no answer within 0\.3 s \(gave up after 4 attempts\)/,
      4,
    ],
    [
      'malformed JSON every time',
      [json('{"results": [')],
      /^Test: malformed JSON \(gave up after 4 attempts\)/,
      4,
    ],
  ])('%s', async (_, responses, message, attempts) => {
    await serve(responses);
    const error = await client()(`${server.url}/x`, parseJson).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
    expect(server.requests).toHaveLength(attempts);
  });

  test('a refused connection is a SourceError, not a stack trace', async () => {
    await serve([json('{}')]);
    const url = server.url;
    await server.close();
    const error = await client({ retries: 1 })(`${url}/x`, parseJson).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toMatch(
      /^Test: request failed \(.*ECONNREFUSED.*\) \(gave up after 2 attempts\)/,
    );
  });

  test('spaces requests by the minimum interval', async () => {
    await serve([json('{}')]);
    const fetchJson = client({
      minIntervalMs: 150,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    });
    const started = Date.now();
    await Promise.all([1, 2, 3].map(() => fetchJson(`${server.url}/x`, parseJson)));
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(server.requests).toHaveLength(3);
  });
});
