import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launcherClasspath, ensureLauncherBuilt } from './build-launcher.ts';
import { localNeo4jStatus } from './local-neo4j.ts';
import { LocalNeo4jError } from './local-neo4j-error.ts';

/**
 * Dumps the stopped local database to `toDir/neo4j.dump` with Neo4j's own admin tool from the
 * launcher's jars (neo4j-admin database dump); restore with `database load`.
 */
export async function dumpLocalDatabase(dataDir: string, toDir: string): Promise<string> {
  if ((await localNeo4jStatus(dataDir)).state === 'running') {
    throw new LocalNeo4jError(
      'stop the local Neo4j first (`papergraph db stop`): a dump needs it stopped',
    );
  }
  ensureLauncherBuilt();
  mkdirSync(toDir, { recursive: true });
  const home = path.join(dataDir, 'db');
  const result = spawnSync(
    'java',
    [
      '-cp',
      launcherClasspath(),
      'org.neo4j.cli.AdminTool',
      'database',
      'dump',
      'neo4j',
      `--to-path=${path.resolve(toDir)}`,
      '--overwrite-destination=true',
    ],
    { env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: home }, encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new LocalNeo4jError(
      `the dump failed: ${(result.stderr || result.stdout).trim().split('\n').slice(-3).join(' ')}`,
    );
  }
  return path.join(path.resolve(toDir), 'neo4j.dump');
}
