import type { IngestSummary } from '../pipeline/ingest-papers.ts';

/** The end-of-run summary of `ingest` and `import`: counts, skipped records, time. */
export function printIngestSummary(
  summary: IngestSummary,
  options: { reportSkipped: boolean; first?: string[] } = { reportSkipped: false },
): void {
  if (options.reportSkipped) {
    for (const record of summary.skippedRecords) {
      console.error(`skipped ${record.where}: ${record.reason}`);
    }
  }
  console.log(
    [
      ...(options.first ?? []),
      `papers read: ${summary.read}`,
      `written: ${summary.written}`,
      `unchanged: ${summary.unchanged}`,
      `skipped records: ${summary.skipped}`,
      `concept links: ${summary.links}`,
      `claims: ${summary.claims}`,
      `time: ${(summary.elapsedMs / 1000).toFixed(1)} s`,
    ].join('\n'),
  );
}
