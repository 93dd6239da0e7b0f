import type { ReadResult } from './read-result.ts';
import { readLines } from './open-input.ts';
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
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      yield {
        kind: 'skipped',
        skipped: { where, reason: `not valid JSON (${(error as Error).message})` },
      };
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield {
        kind: 'skipped',
        skipped: { where, reason: 'expected a JSON object with id, title and abstract' },
      };
      continue;
    }
    const record = value as Record<string, unknown>;
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
