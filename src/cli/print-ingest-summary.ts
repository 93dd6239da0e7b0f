import type { SkippedRecord } from '../domain.ts';
import { SkipTally } from '../ingest/skip-tally.ts';
import type { IngestSummary } from '../pipeline/ingest-papers.ts';

export interface PrintIngestSummaryOptions {
  /** Also print the first records of each rejection category to stderr (a bar hid them). */
  reportSkipped?: boolean;
  /** Lines printed before the counts. */
  first?: string[];
  /**
   * Every rejection of the run; without it the summary's first recorded rejections are grouped
   * (their total is still the summary's).
   */
  tally?: SkipTally;
  /** Records left out by --category / --since; the line is shown only when filters were given. */
  filtered?: number;
}

/** The end-of-run summary of `ingest` and `import`: counts, rejections by reason, time. */
export function printIngestSummary(
  summary: IngestSummary,
  options: PrintIngestSummaryOptions = {},
): void {
  const tally = options.tally ?? tallyOf(summary.skippedRecords);
  if (options.reportSkipped) {
    for (const group of tally.list()) {
      for (const record of group.examples) console.error(formatSkipped(record));
    }
  }
  console.log(
    [
      ...(options.first ?? []),
      `papers read: ${summary.read}`,
      `written: ${summary.written}`,
      `unchanged: ${summary.unchanged}`,
      ...skippedLines(summary.skipped, tally),
      ...(options.filtered === undefined ? [] : [`filtered out: ${options.filtered}`]),
      `concept links: ${summary.links}`,
      `claims: ${summary.claims}`,
      `time: ${(summary.elapsedMs / 1000).toFixed(1)} s`,
    ].join('\n'),
  );
}

/** `skipped records: N`, then one indented line per category with its first few places. */
export function skippedLines(total: number, tally: SkipTally): string[] {
  return [
    `skipped records: ${total}`,
    ...tally
      .list()
      .map(
        (group) =>
          `  ${group.category}: ${group.count} (${group.examples.map((e) => e.where).join(', ')}${group.count > group.examples.length ? ', ...' : ''})`,
      ),
  ];
}

export function formatSkipped(record: SkippedRecord): string {
  return `skipped ${record.where}: ${record.reason}`;
}

function tallyOf(records: SkippedRecord[]): SkipTally {
  const tally = new SkipTally();
  for (const record of records) tally.add(record);
  return tally;
}
