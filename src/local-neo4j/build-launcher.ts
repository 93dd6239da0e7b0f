// Builds the Java launcher in neo4j/ with Maven, once: the build is cached under neo4j/target and
// redone only when the pom or the launcher source changes.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalNeo4jError } from './local-neo4j-error.ts';

export const LAUNCHER_DIR = path.resolve(fileURLToPath(import.meta.url), '../../../neo4j');
const TARGET_DIR = path.join(LAUNCHER_DIR, 'target');
const STAMP_FILE = path.join(TARGET_DIR, 'papergraph-build.sha256');
export const LAUNCHER_MAIN = 'dev.papergraph.neo4j.Launcher';

const WAYS_OUT =
  'Either install a JDK 17+ and Maven (e.g. `apt-get install openjdk-17-jdk maven`), ' +
  'or point papergraph at an existing Neo4j with NEO4J_URI (plus NEO4J_USER / NEO4J_PASSWORD).';

/** The classpath of the built launcher: its classes plus Neo4j's jars. */
export function launcherClasspath(): string {
  return [path.join(TARGET_DIR, 'classes'), path.join(TARGET_DIR, 'dependency', '*')].join(
    path.delimiter,
  );
}

function sourceHash(): string {
  const hash = createHash('sha256');
  const files = [path.join(LAUNCHER_DIR, 'pom.xml')];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(path.join(LAUNCHER_DIR, 'src'));
  // Paths relative to the launcher: a checkout moved or cloned elsewhere needs no rebuild.
  for (const file of files.sort()) {
    hash.update(path.relative(LAUNCHER_DIR, file)).update(readFileSync(file));
  }
  return hash.digest('hex');
}

/** Throws a LocalNeo4jError naming both ways out when `command -version` does not run. */
export function requireTool(command: 'java' | 'mvn'): void {
  const probe = spawnSync(command, [command === 'java' ? '-version' : '--version'], {
    stdio: 'ignore',
  });
  if (probe.error || probe.status !== 0) {
    const what = command === 'java' ? 'Java (JDK 17+)' : 'Maven';
    throw new LocalNeo4jError(
      `${what} was not found, and it is needed to run the local Neo4j. ${WAYS_OUT}`,
    );
  }
}

/** Builds the launcher unless an up-to-date build is cached; returns true when it built. */
export function ensureLauncherBuilt(log: (line: string) => void = () => {}): boolean {
  requireTool('java');
  const hash = sourceHash();
  const built =
    existsSync(STAMP_FILE) &&
    readFileSync(STAMP_FILE, 'utf8').trim() === hash &&
    existsSync(path.join(TARGET_DIR, 'dependency'));
  if (built) return false;
  requireTool('mvn');
  log('building the local Neo4j launcher with Maven (once; cached in neo4j/target)...');
  const result = spawnSync('mvn', ['-q', '-B', 'package', '-DskipTests'], {
    cwd: LAUNCHER_DIR,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-15);
    throw new LocalNeo4jError(`the Maven build of neo4j/ failed:\n${output.join('\n')}`);
  }
  writeFileSync(STAMP_FILE, `${hash}\n`);
  return true;
}
