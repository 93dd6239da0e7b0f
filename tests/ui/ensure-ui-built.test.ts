import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { uiBuildStaleness } from '../../src/ui-assets/ensure-ui-built.ts';

let root: string;
const file = (relative: string, secondsAgo: number) => {
  const full = path.join(root, relative);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, relative);
  const at = Date.now() / 1000 - secondsAgo;
  utimesSync(full, at, at);
};

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'papergraph-ui-build-'));
  file('ui/src/main.ts', 300);
  file('ui/vite.config.ts', 300);
  file('schema/schema.graphql', 300);
  file('package-lock.json', 300);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

test.each<[string, [string, number][], string | null]>([
  ['no build at all', [], 'no build yet'],
  ['a build newer than every source', [['ui/dist/index.html', 100]], null],
  [
    'a source edited after the build',
    [
      ['ui/dist/index.html', 100],
      ['ui/src/main.ts', 10],
    ],
    'sources changed since the last build',
  ],
  [
    'the Vite config edited after the build',
    [
      ['ui/dist/index.html', 100],
      ['ui/vite.config.ts', 10],
    ],
    'sources changed since the last build',
  ],
  [
    'the schema edited after the build (the typed documents change)',
    [
      ['ui/dist/index.html', 100],
      ['schema/schema.graphql', 10],
    ],
    'sources changed since the last build',
  ],
  [
    'dependencies changed after the build',
    [
      ['ui/dist/index.html', 100],
      ['package-lock.json', 10],
    ],
    'sources changed since the last build',
  ],
  [
    'only build output newer than the build (ignored)',
    [
      ['ui/dist/index.html', 100],
      ['ui/dist/assets/index-x.js', 10],
      ['ui/node_modules/x.js', 10],
    ],
    null,
  ],
])('%s', (_, files, expected) => {
  for (const [relative, secondsAgo] of files) file(relative, secondsAgo);
  expect(uiBuildStaleness(root)).toBe(expected);
});
