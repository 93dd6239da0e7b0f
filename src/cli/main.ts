// The `papergraph` command: wires subcommands; each lives in its own file.
import { Command, CommanderError } from 'commander';
import { registerBuildCommand } from './build-command.ts';
import { registerCollectionsCommand, registerRemoveCommand } from './collections-command.ts';
import { registerDbCommand } from './db-command.ts';
import { registerEvalCommand } from './eval-command.ts';
import { registerExportCommand } from './export-command.ts';
import { registerExtractCommand } from './extract-command.ts';
import { registerImportCommand } from './import-command.ts';
import { registerIngestCommand } from './ingest-command.ts';
import { registerResolveCommand } from './resolve-command.ts';
import { registerServeCommand } from './serve-command.ts';
import { registerStartCommand } from './start-command.ts';
import { registerStatsCommand } from './stats-command.ts';
import { reportFailure } from './report-failure.ts';

const program = new Command('papergraph')
  .description('A knowledge graph of research papers and the concepts in them')
  .exitOverride()
  .showHelpAfterError();

registerBuildCommand(program);
registerCollectionsCommand(program);
registerDbCommand(program);
registerExtractCommand(program);
registerEvalCommand(program);
registerExportCommand(program);
registerImportCommand(program);
registerIngestCommand(program);
registerRemoveCommand(program);
registerResolveCommand(program);
registerServeCommand(program);
registerStartCommand(program);
registerStatsCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
  } else {
    reportFailure(error);
  }
}
