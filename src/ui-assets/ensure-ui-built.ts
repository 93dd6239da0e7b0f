// Builds the explorer when its build is missing or older than its sources, so `npm start` on a
// fresh clone serves the UI with no separate build step, and a rebuild costs nothing when fresh.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(fileURLToPath(import.meta.url), '../../..');
export const UI_DIR = path.join(ROOT, 'ui');
export const UI_DIST_DIR = path.join(UI_DIR, 'dist');
const GENERATED_DIR = path.join(UI_DIR, 'src', 'gql');
const CODEGEN_KEY = 'ui/src/gql/';

/** The newest modification time of the files under `dir` (0 when there are none). */
function newestIn(dir: string, skip: (full: string) => boolean = () => false): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (skip(full) || entry.name === 'node_modules') continue;
    newest = Math.max(newest, entry.isDirectory() ? newestIn(full, skip) : statSync(full).mtimeMs);
  }
  return newest;
}

function mtime(file: string): number {
  return existsSync(file) ? statSync(file).mtimeMs : 0;
}

/** Why the build is stale, or null when ui/dist is newer than everything it is built from. */
export function uiBuildStaleness(root = ROOT): string | null {
  const uiDir = path.join(root, 'ui');
  const distDir = path.join(uiDir, 'dist');
  const builtAt = mtime(path.join(distDir, 'index.html'));
  if (!builtAt) return 'no build yet';
  const sources = Math.max(
    newestIn(uiDir, (full) => full === distDir),
    newestIn(path.join(root, 'schema')),
    mtime(path.join(root, 'package-lock.json')),
  );
  return sources > builtAt ? 'sources changed since the last build' : null;
}

/**
 * Regenerates the typed documents (ui/src/gql, git-ignored) when missing or older than the
 * documents in ui/src or the schema: without them `graphql()` finds no document at run time.
 * Only the explorer's output of codegen.ts runs, without its prettier hook (not always on PATH).
 */
async function ensureTypedDocuments(log: (line: string) => void): Promise<void> {
  const generatedAt = mtime(path.join(GENERATED_DIR, 'index.ts')) && newestIn(GENERATED_DIR);
  const documents = Math.max(
    newestIn(path.join(UI_DIR, 'src'), (full) => full === GENERATED_DIR),
    newestIn(path.join(ROOT, 'schema')),
  );
  if (generatedAt && generatedAt >= documents) return;
  log('generating the explorer’s typed GraphQL documents (codegen)…');
  const [{ generate }, { default: config }] = await Promise.all([
    import('@graphql-codegen/cli'),
    import('../../codegen.ts'),
  ]);
  const target = config.generates[CODEGEN_KEY];
  if (!target) throw new Error(`codegen.ts has no "${CODEGEN_KEY}" output for the explorer`);
  await generate(
    { ...config, cwd: ROOT, silent: true, hooks: {}, generates: { [CODEGEN_KEY]: target } },
    true,
  );
}

/**
 * Builds ui/ into ui/dist with Vite (typed documents first, when stale); returns the dist
 * directory. Vite and codegen's client preset are dependencies, not dev dependencies, because a
 * fresh clone installed with `--omit=dev` still builds the explorer here on its first start.
 */
export async function buildUi(
  log: (line: string) => void = () => {},
  reason = 'asked for',
): Promise<string> {
  await ensureTypedDocuments(log);
  log(`building the explorer (${reason})…`);
  const started = performance.now();
  const { build } = await import('vite');
  await build({ configFile: path.join(UI_DIR, 'vite.config.ts'), logLevel: 'warn' });
  log(`explorer built in ${Math.round(performance.now() - started)} ms`);
  return UI_DIST_DIR;
}

/** Builds the explorer when stale (see `buildUi`); returns the dist directory either way. */
export async function ensureUiBuilt(log: (line: string) => void = () => {}): Promise<string> {
  const reason = uiBuildStaleness();
  return reason ? buildUi(log, reason) : UI_DIST_DIR;
}
