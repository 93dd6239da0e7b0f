// Finds the graph database: the user's server when NEO4J_URI is set, otherwise the local Neo4j
// under the data directory (started here when asked to).
import type { Config } from '../config.ts';
import { connectNeo4j, type Neo4jConnection } from '../store/connect-neo4j.ts';
import { localNeo4jStatus, startLocalNeo4j, stopLocalNeo4j } from './local-neo4j.ts';
import { LocalNeo4jError } from './local-neo4j-error.ts';

export interface OpenDatabaseOptions {
  /** Start the local Neo4j if it is not running. @default false */
  startLocal?: boolean;
  /** With startLocal: the JVM dies with this process. @default false */
  tiedToParent?: boolean;
  log?: (line: string) => void;
  /** Passed to the driver: how long transient errors are retried. @default 30000 */
  retryMs?: number;
}

export interface OpenDatabase {
  connection: Neo4jConnection;
  /** Where it is, for messages: a URI without credentials. */
  uri: string;
  /** Closes the driver, and stops the local Neo4j when this call started it. */
  close(): Promise<void>;
}

export async function openDatabase(
  config: Config,
  options: OpenDatabaseOptions = {},
): Promise<OpenDatabase> {
  if (config.external) {
    const connection = await connectNeo4j({
      ...config.external,
      database: config.database,
      retryMs: options.retryMs,
    });
    return { connection, uri: config.external.uri, close: () => connection.close() };
  }
  let boltUrl: string;
  let startedHere = false;
  if (options.startLocal) {
    const local = await startLocalNeo4j({
      dataDir: config.dataDir,
      port: config.boltPort,
      heapMb: config.heapMb,
      pageCacheMb: config.pageCacheMb,
      tiedToParent: options.tiedToParent,
      log: options.log,
    });
    boltUrl = local.boltUrl;
    startedHere = local.started;
  } else {
    const status = await localNeo4jStatus(config.dataDir);
    if (status.state !== 'running') {
      throw new LocalNeo4jError(
        'the local Neo4j is not running: start it with `papergraph db start` (or `npm start`), or set NEO4J_URI',
      );
    }
    boltUrl = status.boltUrl;
  }
  const connection = await connectNeo4j({ uri: boltUrl, retryMs: options.retryMs });
  return {
    connection,
    uri: boltUrl,
    close: async () => {
      await connection.close();
      if (startedHere) await stopLocalNeo4j(config.dataDir);
    },
  };
}
