import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import type { SkippedRecord } from '../domain.ts';
import type { ReadPapersOptions } from '../ingest/read-papers.ts';
import type { InputFormat, ReadResult } from '../ingest/read-result.ts';
import { SkipTally, skipCategory } from '../ingest/skip-tally.ts';
import { openDatabase } from '../local-neo4j/open-database.ts';
import { ingestPapers, type IngestProgress } from '../pipeline/ingest-papers.ts';
import { countPapers, readSources } from '../pipeline/read-sources.ts';
import { inShard, type Shard } from '../pipeline/select-records.ts';
import { applySchema } from '../store/apply-schema.ts';
import {
  addPipelineOptions,
  collect,
  parseFormat,
  parseShardOption,
  parseYear,
} from './parse-options.ts';
import { formatSkipped, printIngestSummary, skippedLines } from './print-ingest-summary.ts';
import { UserFacingError } from './report-failure.ts';

interface IngestOptions {
  format?: InputFormat;
  collection?: string;
  shard?: Shard;
  category?: string[];
  since?: number;
  abstracts?: string[];
  citations?: string[];
  dryRun?: boolean;
  verbose?: boolean;
  batchSize: number;
  workers: number;
}

export function registerIngestCommand(program: Command): void {
  addPipelineOptions(program.command('ingest'))
    .description('extract papers and write them to the graph (idempotent; rerun to resume)')
    .argument(
      '<files...>',
      'input files, or - for stdin; gzip is read directly. Formats: daily listing, JSON Lines, arXiv Atom feed, arXiv metadata snapshot, OpenAlex works, Semantic Scholar datasets',
    )
    .option(
      '--format <format>',
      'input format instead of detecting it from the content',
      parseFormat,
    )
    .option(
      '--category <prefix>',
      'arXiv snapshot: keep papers with a category starting with this (cs.LG, cs.); repeatable',
      collect,
    )
    .option('--since <year>', 'keep papers published in this year or later', parseYear)
    .option('--abstracts <file>', 'Semantic Scholar abstracts dataset to join; repeatable', collect)
    .option('--citations <file>', 'Semantic Scholar citations dataset; repeatable', collect)
    .option('--dry-run', 'read and filter only: count papers, rejections and filtered records')
    .option('--verbose', 'print every rejected record, not only the first few of each reason')
    .option('--collection <name>', "the papers' collection (default: each input file's name)")
    .option(
      '--shard <i/n>',
      'process only the i-th of n deterministic shards (n machines ingest one input at once)',
      parseShardOption,
    )
    .action(async (files: string[], options: IngestOptions) => {
      const run = createRunReport(options);
      if (options.dryRun) {
        await dryRun(files, run);
        return;
      }
      const config = loadConfig();
      // An ingest rides out a Neo4j restart: transient errors are retried for two minutes.
      const database = await openDatabase(config, {
        startLocal: true,
        log: (l) => console.error(l),
        retryMs: 120_000,
      });
      try {
        await applySchema(database.connection);
        await runIngest(database.connection, files, options, run);
      } finally {
        await database.close();
      }
    });
}

/** What a run tells as it goes: rejections by reason and records filtered out. */
interface RunReport {
  /** The run's records: filtered, in their collection, of its shard; `quiet` counts no filtering. */
  read: (files: string[], options?: { quiet?: boolean }) => AsyncIterable<ReadResult>;
  tally: SkipTally;
  filtered: () => number | undefined;
  /** Counts a rejection; prints it unless a bar is showing or its reason was printed enough. */
  onSkipped: (record: SkippedRecord, quiet: boolean) => void;
}

function createRunReport(options: IngestOptions): RunReport {
  const tally = new SkipTally();
  let filtered = 0;
  const filtering = options.category !== undefined || options.since !== undefined;
  const hushed = new Set<string>();
  const readOptions: ReadPapersOptions = {
    format: options.format,
    filter: { categories: options.category, since: options.since },
    onFiltered: () => {
      filtered += 1;
    },
    abstracts: options.abstracts,
    citations: options.citations,
  };
  return {
    tally,
    filtered: () => (filtering ? filtered : undefined),
    read: (files, { quiet = false } = {}) => {
      const results = readSources(
        files,
        quiet ? { ...readOptions, onFiltered: undefined } : readOptions,
        options.collection,
      );
      return options.shard ? inShard(results, options.shard) : results;
    },
    onSkipped: (record, quiet) => {
      const first = tally.add(record);
      if (quiet) return;
      if (first || options.verbose) {
        console.error(formatSkipped(record));
        return;
      }
      const category = skipCategory(record.reason);
      if (!hushed.has(category)) {
        hushed.add(category);
        console.error(
          `skipped: further "${category}" records are counted, not listed (--verbose lists them)`,
        );
      }
    },
  };
}

/** A run that stored nothing because every record was rejected is a failure, not a success. */
function failIfAllRejected(stored: number, tally: SkipTally): void {
  if (stored === 0 && tally.total > 0) {
    throw new UserFacingError(
      `no paper to store: all ${tally.total} records were rejected (reasons in the summary)`,
    );
  }
}

async function dryRun(files: string[], run: RunReport): Promise<void> {
  const started = Date.now();
  let papers = 0;
  for await (const result of run.read(files)) {
    if (result.kind === 'paper') papers += 1;
    else run.onSkipped(result.skipped, false);
  }
  const filtered = run.filtered();
  console.log(
    [
      `papers read: ${papers}`,
      ...skippedLines(run.tally.total, run.tally),
      ...(filtered === undefined ? [] : [`filtered out: ${filtered}`]),
      `time: ${((Date.now() - started) / 1000).toFixed(1)} s (dry run: nothing extracted or stored)`,
    ].join('\n'),
  );
  failIfAllRejected(papers, run.tally);
}

async function runIngest(
  connection: Parameters<typeof ingestPapers>[0],
  files: string[],
  options: IngestOptions,
  run: RunReport,
): Promise<void> {
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
    bar.start(await countPapers(run.read(files, { quiet: true })), 0, { rate: 0, skipped: 0 });
  }
  let summary: Awaited<ReturnType<typeof ingestPapers>>;
  try {
    summary = await ingestPapers(connection, run.read(files), {
      batchSize: options.batchSize,
      workers: options.workers,
      onProgress,
      onSkipped: (record) => run.onSkipped(record, bar !== null),
    });
  } finally {
    bar?.stop();
  }
  printIngestSummary(summary, {
    reportSkipped: bar !== null,
    tally: run.tally,
    filtered: run.filtered(),
  });
  failIfAllRejected(summary.read, run.tally);
}
