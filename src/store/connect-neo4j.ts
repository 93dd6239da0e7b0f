import neo4j, { type Driver } from 'neo4j-driver';
import { toStoreError } from './store-error.ts';

export interface Neo4jConnection {
  driver: Driver;
  database: string;
  /** How long transient failures are retried, for reads as for writes (see ConnectOptions). */
  retryMs: number;
  close(): Promise<void>;
}

const DEFAULT_RETRY_MS = 30_000;

export interface ConnectOptions {
  uri: string;
  user?: string;
  password?: string;
  /** @default neo4j */
  database?: string;
  /**
   * How long the driver retries a transaction on transient errors (deadlocks, a restarting
   * server) before giving up: short for an API that must answer, long for an ingest. @default 30000
   */
  retryMs?: number;
}

/** Opens a driver and checks that the server answers; credentials only for a remote server. */
export async function connectNeo4j(options: ConnectOptions): Promise<Neo4jConnection> {
  // No password: the local Neo4j, which listens on loopback only with auth off.
  const auth =
    options.password !== undefined
      ? neo4j.auth.basic(options.user ?? 'neo4j', options.password)
      : undefined;
  const driver = neo4j.driver(options.uri, auth, {
    maxConnectionPoolSize: 64,
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: options.retryMs ?? DEFAULT_RETRY_MS,
    disableLosslessIntegers: false,
    logging: { level: 'error', logger: () => {} },
  });
  try {
    await driver.verifyConnectivity({ database: options.database ?? 'neo4j' });
  } catch (error) {
    await driver.close();
    throw toStoreError(error);
  }
  return {
    driver,
    database: options.database ?? 'neo4j',
    retryMs: options.retryMs ?? DEFAULT_RETRY_MS,
    close: () => driver.close(),
  };
}

/**
 * True when Neo4j answers a trivial query within `timeoutMs`, for health checks. An auto-commit
 * query on purpose: executeQuery would retry for 30 s before giving up.
 */
export async function pingNeo4j(connection: Neo4jConnection, timeoutMs = 2000): Promise<boolean> {
  const session = connection.driver.session({ database: connection.database });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([session.run('RETURN 1').then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
    void session.close().catch(() => {});
  }
}
