import type { RawPaper } from '../domain.ts';
import type { ReadResult } from './read-result.ts';
import { describeIssues, rawPaperSchema } from './paper-schema.ts';

/**
 * Validates and normalises one candidate record; a failure becomes a skipped record at `where`.
 * The `externalIds` and `references` of a candidate (already normalised ids) are kept, without
 * repeats.
 */
export function validatePaper(candidate: unknown, where: string): ReadResult {
  const parsed = rawPaperSchema.safeParse(candidate);
  if (!parsed.success)
    return { kind: 'skipped', skipped: { where, reason: describeIssues(parsed.error) } };
  const paper: RawPaper = parsed.data;
  // Leave optional fields out rather than `undefined`, so JSON output stays tidy.
  for (const key of ['authors', 'published', 'url', 'venue'] as const) {
    if (paper[key] === undefined) delete paper[key];
  }
  const { externalIds, references } = candidate as Partial<RawPaper>;
  if (Array.isArray(externalIds) && externalIds.length > 0) {
    paper.externalIds = [...new Set(externalIds)];
  }
  if (Array.isArray(references)) paper.references = [...new Set(references)];
  return { kind: 'paper', paper, where };
}
