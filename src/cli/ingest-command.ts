import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import type { InputFormat } from '../ingest/read-result.ts';
import { openDatabase } from '../local-neo4j/open-database.ts';
import { ingestPapers, type IngestProgress } from '../pipeline/ingest-papers.ts';
import { countPapers, readSources } from '../pipeline/read-sources.ts';
import { inShard, type Shard } from '../pipeline/select-records.ts';
import { applySchema } from '../store/apply-schema.ts';
import { addPipelineOptions, parseFormat, parseShardOption } from './parse-options.ts';
import { printIngestSummary } from './print-ingest-summary.ts';

interface IngestOptions {
  format?: InputFormat;
  collection?: string;
  shard?: Shard;
  batchSize: number;
  workers: number;
}

export function registerIngestCommand(program: Command): void {
  addPipelineOptions(program.command('ingest'))
    .description('extract papers and write them to the graph (idempotent; rerun to resume)')
    .argument('<files...>', 'input files (daily listing, JSON Lines or arXiv Atom), or - for stdin')
    .option('--format <format>', 'input format instead of detecting it', parseFormat)
    .option('--collection <name>', "the papers' collection (default: each input file's name)")
    .option(
      '--shard <i/n>',
      'process only the i-th of n deterministic shards (n machines ingest one input at once)',
      parseShardOption,
    )
    .action(async (files: string[], options: IngestOptions) => {
      const config = loadConfig();
      // An ingest rides out a Neo4j restart: transient errors are retried for two minutes.
      const database = await openDatabase(config, {
        startLocal: true,
        log: (l) => console.error(l),
        retryMs: 120_000,
      });
      try {
        await applySchema(database.connection);
        await runIngest(database.connection, files, options);
      } finally {
        await database.close();
      }
    });
}

async function runIngest(
  connection: Parameters<typeof ingestPapers>[0],
  files: string[],
  options: IngestOptions,
): Promise<void> {
  const read = () => {
    const results = readSources(files, options.format, options.collection);
    return options.shard ? inShard(results, options.shard) : results;
  };
  const tty = process.stderr.isTTY === true;
  let bar: SingleBar | null = null;
  let lastLine = 0;
  const onProgress = (p: IngestProgress) => {
    const rate = p.elapsedMs > 0 ? ((p.written + p.unchanged) * 1000) / p.elapsedMs : 0;
    if (bar) {
      bar.update(p.written + p.unchanged, { rate: rate.toFixed(0), skipped: p.skipped });
    } else if (Date.now() - lastLine > 2000) {
      lastLine = Date.now();
      console.error(
        `ingest: ${p.written} written, ${p.unchanged} unchanged, ${p.skipped} skipped, ${rate.toFixed(0)} papers/s`,
      );
    }
  };
  if (tty && !files.includes('-')) {
    bar = new SingleBar(
      {
        format:
          'ingest [{bar}] {value}/{total} papers | {rate} papers/s | ETA {eta_formatted} | skipped {skipped}',
        stream: process.stderr,
      },
      Presets.shades_classic,
    );
    bar.start(await countPapers(read()), 0, { rate: 0, skipped: 0 });
  }
  try {
    const summary = await ingestPapers(connection, read(), {
      batchSize: options.batchSize,
      workers: options.workers,
      onProgress,
      onSkipped: (record) => {
        if (!bar) console.error(`skipped ${record.where}: ${record.reason}`);
      },
    });
    bar?.stop();
    printIngestSummary(summary, { reportSkipped: bar !== null });
  } finally {
    bar?.stop();
  }
}
