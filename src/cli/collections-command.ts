import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../local-neo4j/open-database.ts';
import { applySchema } from '../store/apply-schema.ts';
import { fileUnfiledPapers, listCollections } from '../store/collections.ts';
import type { Neo4jConnection } from '../store/connect-neo4j.ts';
import { removeCollection, removePapers } from '../store/remove-papers.ts';
import { UserFacingError } from './report-failure.ts';

async function withDatabase(run: (connection: Neo4jConnection) => Promise<void>): Promise<void> {
  const database = await openDatabase(loadConfig(), {
    startLocal: true,
    log: (l) => console.error(l),
    retryMs: 120_000,
  });
  try {
    await applySchema(database.connection);
    await fileUnfiledPapers(database.connection);
    await run(database.connection);
  } finally {
    await database.close();
  }
}

export function registerCollectionsCommand(program: Command): void {
  program
    .command('collections')
    .description(
      'the collections papers came in with (input files, seed, import services), with counts',
    )
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) =>
      withDatabase(async (connection) => {
        const collections = await listCollections(connection);
        if (options.json) {
          console.log(JSON.stringify(collections, null, 2));
          return;
        }
        if (collections.length === 0) console.log('no collections: the graph holds no papers');
        for (const c of collections) console.log(`${String(c.papers).padStart(8)}  ${c.name}`);
      }),
    );
}

export function registerRemoveCommand(program: Command): void {
  program
    .command('remove')
    .description(
      'take a collection (or papers) out of the graph: papers no other collection holds go, with their links and orphaned concepts (rerun to finish an interrupted run)',
    )
    .option('--collection <name>', 'the collection to take away')
    .option('--paper <ids...>', 'papers to remove by id, from every collection')
    .action(async (options: { collection?: string; paper?: string[] }) => {
      if (!options.collection === !options.paper) {
        throw new UserFacingError('remove: give either --collection NAME or --paper ID...');
      }
      await withDatabase(async (connection) => {
        if (options.paper) {
          const removed = await removePapers(connection, options.paper);
          const missing = options.paper.filter((id) => !removed.includes(id));
          console.log(`removed ${removed.length} papers`);
          if (missing.length > 0) {
            throw new UserFacingError(`no stored paper has the id ${missing.join(', ')}`);
          }
          return;
        }
        const name = options.collection!;
        let lastLine = 0;
        const done = await removeCollection(connection, name, (p) => {
          if (Date.now() - lastLine < 2000) return;
          lastLine = Date.now();
          console.error(`remove: ${p.removed} papers removed, ${p.kept} kept by other collections`);
        });
        if (!done) {
          const names = (await listCollections(connection)).map((c) => c.name);
          throw new UserFacingError(
            `no collection is called "${name}"; the collections are: ${names.join(', ') || 'none'}`,
          );
        }
        console.log(
          `removed collection "${name}": ${done.removed} papers removed, ${done.kept} kept (other collections hold them)`,
        );
      });
    });
}
