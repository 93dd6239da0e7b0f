import type { Command } from 'commander';
import { runServer } from '../main.ts';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the API and explorer on PORT, against a Neo4j that already runs')
    .action(() => runServer({ startLocal: false }));
}
