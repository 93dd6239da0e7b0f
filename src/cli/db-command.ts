import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import {
  localNeo4jStatus,
  logPath,
  startLocalNeo4j,
  stopLocalNeo4j,
} from '../local-neo4j/local-neo4j.ts';
import { dumpLocalDatabase } from '../local-neo4j/dump-database.ts';
import { UserFacingError } from './report-failure.ts';

export function registerDbCommand(program: Command): void {
  const db = program.command('db').description('the local Neo4j (not used when NEO4J_URI is set)');

  db.command('start')
    .description('start the local Neo4j in the background (harmless when already running)')
    .action(async () => {
      const config = refuseExternal();
      const { pid, boltUrl, started } = await startLocalNeo4j({
        dataDir: config.dataDir,
        port: config.boltPort,
        heapMb: config.heapMb,
        pageCacheMb: config.pageCacheMb,
        log: (line) => console.error(line),
      });
      console.log(`${started ? 'started' : 'already running'}: ${boltUrl} (pid ${pid})`);
    });

  db.command('stop')
    .description('stop the local Neo4j cleanly')
    .action(async () => {
      const config = refuseExternal();
      console.log((await stopLocalNeo4j(config.dataDir)) ? 'stopped' : 'not running');
    });

  db.command('dump')
    .description('dump the stopped local database to DIR/neo4j.dump (a backup)')
    .argument('<dir>', 'folder for neo4j.dump')
    .action(async (dir: string) => {
      const config = refuseExternal();
      console.log(`dumped to ${await dumpLocalDatabase(config.dataDir, dir)}`);
    });

  db.command('status')
    .description('tell whether the local Neo4j runs (exit code 0 only when it does)')
    .action(async () => {
      const config = refuseExternal();
      const status = await localNeo4jStatus(config.dataDir);
      if (status.state === 'running') {
        console.log(
          `running: ${status.boltUrl} (pid ${status.pid}), log ${logPath(config.dataDir)}`,
        );
        return;
      }
      console.log(
        status.state === 'stale'
          ? `not running: stale pid file, ${status.reason}; \`papergraph db start\` cleans it up`
          : 'not running',
      );
      process.exitCode = 3;
    });
}

function refuseExternal() {
  const config = loadConfig();
  if (config.external) {
    throw new UserFacingError(
      `NEO4J_URI is set (${config.external.uri}): papergraph uses that server and runs no local Neo4j`,
    );
  }
  return config;
}
