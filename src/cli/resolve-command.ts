import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../local-neo4j/open-database.ts';
import { resolveGraph } from '../pipeline/resolve-graph.ts';
import { applySchema } from '../store/apply-schema.ts';
import { printIngestSummary } from './print-ingest-summary.ts';

export function registerResolveCommand(program: Command): void {
  program
    .command('resolve')
    .description(
      're-resolve the whole graph: every stored paper extracted and written again with the current extractor and lexicon',
    )
    .option('--workers <n>', 'extraction worker threads', (v) => Number.parseInt(v, 10), 2)
    .action(async (options: { workers: number }) => {
      const database = await openDatabase(loadConfig(), {
        startLocal: true,
        log: (l) => console.error(l),
        retryMs: 120_000,
      });
      try {
        await applySchema(database.connection);
        let lastLine = 0;
        const summary = await resolveGraph(database.connection, {
          workers: options.workers,
          onProgress: (p) => {
            if (Date.now() - lastLine < 2000) return;
            lastLine = Date.now();
            console.error(`resolve: ${p.written} papers written`);
          },
        });
        printIngestSummary(summary);
      } finally {
        await database.close();
      }
    });
}
