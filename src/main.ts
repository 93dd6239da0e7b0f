// Reads config and listens: `papergraph start` (the main job) and `papergraph serve`.
import { createServer } from 'node:http';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { createExtractPool } from './extract/extract-pool.ts';
import { openDatabase } from './local-neo4j/open-database.ts';
import { loadSeedIfEmpty } from './pipeline/load-seed.ts';
import { migrateConceptIds } from './pipeline/resolve-graph.ts';
import { applySchema } from './store/apply-schema.ts';
import { fileUnfiledPapers, UNFILED_COLLECTION } from './store/collections.ts';
import { ensureUiBuilt } from './ui-assets/ensure-ui-built.ts';
import { serveUiPlugin } from './ui-assets/serve-ui.ts';

export interface RunServerOptions {
  /** Start the local Neo4j when NEO4J_URI is unset, and stop it on exit. */
  startLocal: boolean;
}

export async function runServer(options: RunServerOptions): Promise<void> {
  const config = loadConfig();
  const log = (line: string) => console.error(line);
  const database = await openDatabase(config, {
    startLocal: options.startLocal,
    tiedToParent: options.startLocal,
    log,
    // An API answers quickly: a few seconds of retries, then DB_UNAVAILABLE.
    retryMs: 3_000,
  });
  log(`Neo4j: ${database.uri}`);
  await applySchema(database.connection);
  const migrated = await migrateConceptIds(database.connection, log);
  if (migrated) log(`re-resolved ${migrated.written} papers`);
  const filed = await fileUnfiledPapers(database.connection);
  if (filed > 0) log(`filed ${filed} papers stored before collections in "${UNFILED_COLLECTION}"`);
  if (options.startLocal && config.seedPath) {
    const seeded = await loadSeedIfEmpty(database.connection, config.seedPath);
    if (seeded)
      log(
        `loaded the seed: ${seeded.written} papers, ${seeded.links} concept links, ${seeded.claims} claims`,
      );
  }

  const uiDir = await ensureUiBuilt(log);
  const pool = createExtractPool({ workers: 1 });
  const app = createApp({
    connection: database.connection,
    token: config.token,
    corsOrigins: config.corsOrigins,
    responseCacheMs: config.responseCacheMs,
    pool,
    log,
    plugins: [serveUiPlugin(uiDir)],
  });
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  log(`papergraph on http://${config.host}:${config.port}/ (GraphQL at /graphql); Ctrl-C stops`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(
      `${signal}: stopping the server${options.startLocal && !config.external ? ' and Neo4j' : ''}...`,
    );
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await pool.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}
