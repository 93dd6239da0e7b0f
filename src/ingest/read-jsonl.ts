import type { ReadResult } from './read-result.ts';
import { readLines } from './open-input.ts';
import { parseJsonLine } from './parse-json-line.ts';
import { validatePaper } from './validate-paper.ts';

/**
 * JSON Lines: one `{"id", "title", "abstract"}` object per line, plus optional `authors`,
 * `published` (ISO date), `url` and `venue`. Blank lines are ignored; a line that is not valid JSON,
 * not an object, fails validation or repeats an earlier id is reported as `file:line` and skipped.
 */
export async function* readJsonl(
  chunks: AsyncIterable<string>,
  name: string,
): AsyncGenerator<ReadResult> {
  const seen = new Set<string>();
  for await (const { line, number } of readLines(chunks)) {
    if (line.trim() === '') continue;
    const where = `${name}:${number}`;
    const parsed = parseJsonLine(line, where, 'a JSON object with id, title and abstract');
    if (parsed.kind === 'skipped') {
      yield parsed;
      continue;
    }
    const record = parsed.value;
    const result = validatePaper(
      {
        id: typeof record.id === 'number' ? String(record.id) : record.id,
        title: record.title ?? '',
        abstract: record.abstract,
        authors: record.authors ?? undefined,
        published: record.published,
        url: record.url,
        venue: record.venue,
        source: 'jsonl',
      },
      where,
    );
    if (result.kind === 'paper') {
      if (seen.has(result.paper.id)) {
        yield {
          kind: 'skipped',
          skipped: { where, reason: `id "${result.paper.id}" repeats an earlier record` },
        };
        continue;
      }
      seen.add(result.paper.id);
    }
    yield result;
  }
}
