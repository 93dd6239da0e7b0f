// The seed graph in the test Neo4j, served with the built explorer on a free port: what the
// browser tests open.
import { createServer } from 'node:http';
import { createApp } from '../../src/app.ts';
import { findFreePort } from '../../src/local-neo4j/local-neo4j.ts';
import { ingestPapers } from '../../src/pipeline/ingest-papers.ts';
import { readSources } from '../../src/pipeline/read-sources.ts';
import type { Neo4jConnection } from '../../src/store/connect-neo4j.ts';
import { ensureUiBuilt } from '../../src/ui-assets/ensure-ui-built.ts';
import { serveUiPlugin } from '../../src/ui-assets/serve-ui.ts';
import { SEED_FILE } from './seed-results.ts';
import { openTestDatabase } from './test-database.ts';

export interface SeedExplorer {
  connection: Neo4jConnection;
  /** `http://127.0.0.1:<port>` */
  base: string;
  close(): Promise<void>;
}

export async function serveSeedExplorer(): Promise<SeedExplorer> {
  const connection = await openTestDatabase();
  const [, dist] = await Promise.all([
    ingestPapers(connection, readSources([SEED_FILE])),
    ensureUiBuilt(),
  ]);
  const server = createServer(createApp({ connection, plugins: [serveUiPlugin(dist)] }));
  const port = await findFreePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    connection,
    base: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connection.close();
    },
  };
}
