import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULT_BATCH_SIZE } from '../pipeline/ingest-papers.ts';
import { parseShard, type Shard } from '../pipeline/select-records.ts';
import { INPUT_FORMATS, type InputFormat } from '../ingest/read-result.ts';

export function parseFormat(value: string): InputFormat {
  if (!(INPUT_FORMATS as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`expected one of ${INPUT_FORMATS.join(', ')}`);
  }
  return value as InputFormat;
}

export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) {
    throw new InvalidArgumentError('expected a whole number from 1 to 100000');
  }
  return n;
}

export function parseYear(value: string): number {
  if (!/^\d{4}$/.test(value.trim())) throw new InvalidArgumentError('expected a year such as 2020');
  return Number(value);
}

/** For a repeatable option: each use adds to the list. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function parseShardOption(value: string): Shard {
  const shard = parseShard(value);
  if (!shard) throw new InvalidArgumentError('expected I/N with 1 <= I <= N <= 1000, e.g. 2/4');
  return shard;
}

/** The pipeline options `ingest` and `import` share. */
export function addPipelineOptions(command: Command): Command {
  return command
    .option(
      '--batch-size <n>',
      'papers per write transaction',
      parsePositiveInt,
      DEFAULT_BATCH_SIZE,
    )
    .option('--workers <n>', 'extraction worker threads', parsePositiveInt, 2);
}
