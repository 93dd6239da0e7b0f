import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { Extraction, RawPaper } from '../domain.ts';
import { createExtractPool } from '../extract/extract-pool.ts';
import { extractPaper } from '../extract/extract-paper.ts';
import { INPUT_FORMATS } from '../ingest/read-result.ts';
import type { InputFormat } from '../ingest/read-result.ts';
import { assertReadable } from '../ingest/open-input.ts';
import { readPapers } from '../ingest/read-papers.ts';

interface ExtractOptions {
  format?: InputFormat;
  jsonl?: boolean;
  workers: number;
}

/** Papers handed to the worker pool at a time. */
const BATCH = 64;

export function registerExtractCommand(program: Command): void {
  program
    .command('extract')
    .description(
      'extract concepts, roles, claims and code URLs from papers; prints JSON in input order',
    )
    .argument('<files...>', 'input files (daily listing, JSON Lines or arXiv Atom), or - for stdin')
    .option(
      '--format <format>',
      `input format instead of detecting it (${INPUT_FORMATS.join(', ')})`,
      parseFormat,
    )
    .option('--jsonl', 'print one JSON object per line instead of a JSON array')
    .option('--workers <n>', 'worker threads for extraction (1 = in this thread)', parseWorkers, 1)
    .action(async (files: string[], options: ExtractOptions) => {
      await runExtract(files, options);
    });
}

function parseFormat(value: string): InputFormat {
  if (!(INPUT_FORMATS as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`expected one of ${INPUT_FORMATS.join(', ')}`);
  }
  return value as InputFormat;
}

function parseWorkers(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new InvalidArgumentError('expected a whole number from 1 to 64');
  return n;
}

async function runExtract(files: string[], options: ExtractOptions): Promise<void> {
  // A missing second file must fail before the first file's papers are half printed.
  for (const file of files) await assertReadable(file);
  const pool = options.workers > 1 ? createExtractPool({ workers: options.workers }) : null;
  const extract = async (papers: RawPaper[]): Promise<Extraction[]> =>
    pool !== null ? pool.extract(papers) : papers.map((paper) => extractPaper(paper));
  let printed = 0;
  let skipped = 0;
  const print = async (text: string): Promise<void> => {
    if (!process.stdout.write(text))
      await new Promise((resolve) => process.stdout.once('drain', resolve));
  };
  const flush = async (batch: RawPaper[]): Promise<void> => {
    for (const extraction of await extract(batch)) {
      if (options.jsonl === true) await print(`${JSON.stringify(extraction)}\n`);
      else await print(`${printed === 0 ? '[\n' : ',\n'}${JSON.stringify(extraction, null, 2)}`);
      printed += 1;
    }
  };
  try {
    let batch: RawPaper[] = [];
    for (const file of files) {
      for await (const result of readPapers(file, { format: options.format })) {
        if (result.kind === 'skipped') {
          skipped += 1;
          console.error(`skipped ${result.skipped.where}: ${result.skipped.reason}`);
          continue;
        }
        batch.push(result.paper);
        if (batch.length >= BATCH) {
          await flush(batch);
          batch = [];
        }
      }
    }
    await flush(batch);
    if (options.jsonl !== true) await print(printed === 0 ? '[]\n' : '\n]\n');
    if (skipped > 0) console.error(`${printed} papers extracted, ${skipped} records skipped`);
  } finally {
    await pool?.close();
  }
}
