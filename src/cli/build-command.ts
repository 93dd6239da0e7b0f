import type { Command } from 'commander';
import { buildUi } from '../ui-assets/ensure-ui-built.ts';

export function registerBuildCommand(program: Command): void {
  program
    .command('build')
    .description(
      'build the explorer into ui/dist (typed GraphQL documents, then Vite); `start` builds it too when stale',
    )
    .action(async () => {
      const dist = await buildUi((line) => console.error(line));
      console.error(`explorer in ${dist}`);
    });
}
