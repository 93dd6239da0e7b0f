import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../local-neo4j/open-database.ts';
import { graphStats } from '../store/graph-stats.ts';
import { parsePositiveInt } from './parse-options.ts';

export function registerStatsCommand(program: Command): void {
  program
    .command('stats')
    .description('counts by label and relationship type, and the top concepts by paper count')
    .option('--json', 'print JSON')
    .option('--top <n>', 'how many top concepts', parsePositiveInt, 15)
    .action(async (options: { json?: boolean; top: number }) => {
      const database = await openDatabase(loadConfig(), { startLocal: true });
      try {
        const stats = await graphStats(database.connection, options.top);
        if (options.json) {
          console.log(JSON.stringify(stats, null, 2));
          return;
        }
        console.log('nodes');
        for (const [label, n] of Object.entries(stats.nodes))
          console.log(`  ${label.padEnd(14)} ${n}`);
        console.log('relationships');
        for (const [type, n] of Object.entries(stats.relationships))
          console.log(`  ${type.padEnd(14)} ${n}`);
        console.log('top concepts (papers)');
        for (const c of stats.topConcepts)
          console.log(`  ${String(c.papers).padStart(5)}  ${c.name} (${c.kind})`);
      } finally {
        await database.close();
      }
    });
}
