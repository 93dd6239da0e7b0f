import type { ReadResult } from './read-result.ts';
import { readLines } from './open-input.ts';
import { parseJsonLine } from './parse-json-line.ts';
import { wantsYear, type ReadContext } from './paper-filter.ts';
import { workToResult, type OpenAlexWork } from './work-to-result.ts';

/**
 * OpenAlex works as JSON Lines, one work per line (the snapshot's `works/*.gz` parts, or API
 * results written one per line). Mapped as `papergraph import openalex` maps them; a work without
 * `abstract_inverted_index` is skipped as "no abstract". `--since` is applied to
 * `publication_year` (or the date's year) before the work is mapped.
 */
export async function* readOpenAlex(
  chunks: AsyncIterable<string>,
  name: string,
  context: ReadContext,
): AsyncGenerator<ReadResult> {
  for await (const { line, number } of readLines(chunks)) {
    if (line.trim() === '') continue;
    const where = `${name}:${number}`;
    const parsed = parseJsonLine(line, where, 'a JSON object (one OpenAlex work)');
    if (parsed.kind === 'skipped') {
      yield parsed;
      continue;
    }
    const work = parsed.value as OpenAlexWork;
    if (!wantsYear(context.filter, yearOfWork(work))) {
      context.onFiltered();
      continue;
    }
    const index = work.abstract_inverted_index;
    if (!index || typeof index !== 'object' || Object.keys(index).length === 0) {
      yield { kind: 'skipped', skipped: { where, reason: 'no abstract' } };
      continue;
    }
    yield workToResult(work, where);
  }
}

function yearOfWork(work: OpenAlexWork): number | null {
  if (typeof work.publication_year === 'number') return work.publication_year;
  const date =
    typeof work.publication_date === 'string' ? /^\d{4}/.exec(work.publication_date) : null;
  return date ? Number(date[0]) : null;
}
