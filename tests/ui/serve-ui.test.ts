import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSchema, createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveUiPlugin } from '../../src/ui-assets/serve-ui.ts';

let dir: string;
let dist: string;
let app: ReturnType<typeof createYoga>;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'papergraph-serve-ui-'));
  dist = path.join(dir, 'dist');
  mkdirSync(path.join(dist, 'assets'), { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>explorer</title>');
  writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(path.join(dist, 'assets', 'index-abc123.css'), 'body{}');
  writeFileSync(path.join(dist, 'robots.txt'), 'User-agent: *');
  writeFileSync(path.join(dir, 'secret.txt'), 'outside the build');
  symlinkSync(path.join(dir, 'secret.txt'), path.join(dist, 'link.txt'));
  app = createYoga({
    schema: createSchema({
      typeDefs: 'type Query { ping: String }',
      resolvers: { Query: { ping: () => 'pong' } },
    }),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/live',
    landingPage: false,
    plugins: [serveUiPlugin(dist)],
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => app.fetch(`http://localhost${url}`, { method });

describe('serving the explorer', () => {
  test.each([
    ['/', 'text/html; charset=utf-8', 'no-cache', '<!doctype html><title>explorer</title>'],
    [
      '/index.html',
      'text/html; charset=utf-8',
      'no-cache',
      '<!doctype html><title>explorer</title>',
    ],
    [
      '/assets/index-abc123.js',
      'text/javascript; charset=utf-8',
      'public, max-age=31536000, immutable',
      'console.log(1)',
    ],
    [
      '/assets/index-abc123.css',
      'text/css; charset=utf-8',
      'public, max-age=31536000, immutable',
      'body{}',
    ],
    ['/robots.txt', 'text/plain; charset=utf-8', 'no-cache', 'User-agent: *'],
    // The single-page app's own paths (shared links) get the page itself.
    [
      '/paper/daily:sophia',
      'text/html; charset=utf-8',
      'no-cache',
      '<!doctype html><title>explorer</title>',
    ],
    [
      '/?who=Adam&node=method%3Aadam',
      'text/html; charset=utf-8',
      'no-cache',
      '<!doctype html><title>explorer</title>',
    ],
  ])('GET %s', async (url, type, cache, body) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('cache-control')).toBe(cache);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(body);
  });

  test.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%5csecret.txt',
    '/link.txt',
    '/index.html%00.js',
    '/%E0%A4%A',
    '/assets/missing-file.js',
  ])('refuses %s with a 404 and never shows what is outside the build', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('outside the build');
  });

  test('HEAD gives the headers and no body', async () => {
    const response = await get('/', 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('38');
    expect(await response.text()).toBe('');
  });

  test.each([
    ['/graphql?query=%7Bping%7D', 200, '{"data":{"ping":"pong"}}'],
    ['/live', 200, ''],
  ])('leaves %s to the API', async (url, status, body) => {
    const response = await get(url);
    expect(response.status).toBe(status);
    if (body) expect(await response.text()).toBe(body);
  });

  test('leaves POSTs to the API', async () => {
    const response = await app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ ping }' }),
    });
    expect(await response.json()).toEqual({ data: { ping: 'pong' } });
  });

  test('says how to build the explorer when the build is missing', async () => {
    const missing = createYoga({
      schema: createSchema({ typeDefs: 'type Query { ping: String }' }),
      plugins: [serveUiPlugin(path.join(dir, 'nowhere'))],
    });
    const response = await missing.fetch('http://localhost/');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm start');
  });
});
