import type { ReadResult } from './read-result.ts';
import { describeIssues, rawPaperSchema } from './paper-schema.ts';

/** Validates and normalises one candidate record; a failure becomes a skipped record at `where`. */
export function validatePaper(candidate: unknown, where: string): ReadResult {
  const parsed = rawPaperSchema.safeParse(candidate);
  if (!parsed.success)
    return { kind: 'skipped', skipped: { where, reason: describeIssues(parsed.error) } };
  const paper = parsed.data;
  // Leave optional fields out rather than `undefined`, so JSON output stays tidy.
  for (const key of ['authors', 'published', 'url', 'venue'] as const) {
    if (paper[key] === undefined) delete paper[key];
  }
  return { kind: 'paper', paper, where };
}
