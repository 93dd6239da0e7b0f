import type { Command } from 'commander';
import { runServer } from '../main.ts';

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description(
      'the main job: start the local Neo4j (unless NEO4J_URI is set), load the seed, serve on PORT',
    )
    .action(() => runServer({ startLocal: true }));
}
