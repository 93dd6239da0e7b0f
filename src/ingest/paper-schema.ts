import { z } from 'zod';
import { normalizeText } from './normalize-text.ts';

/**
 * The longest abstract accepted. A real abstract is a few thousand characters; anything longer is a
 * full text or a broken record, reported and skipped rather than fed to the extractor.
 * @default 100_000
 */
export const MAX_ABSTRACT_CHARS = 100_000;
/** @default 2_000 */
export const MAX_TITLE_CHARS = 2_000;

const text = z.string().transform(normalizeText);

/**
 * A date as sources give it, kept at its precision: `2023`, `2023-05`, `2023-05-14` or a full
 * timestamp (cut to its day). Year-only dates are common in real corpora; inventing a month or a
 * day would make them look more precise than they are.
 */
const partialDate = z
  .string()
  .trim()
  .regex(
    /^\d{4}(?:-\d{2}(?:-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/,
    'expected a date (YYYY, YYYY-MM, YYYY-MM-DD or an ISO timestamp)',
  )
  .refine(isRealDate, 'expected a real calendar date')
  .transform((s) => s.slice(0, 10));

function isRealDate(s: string): boolean {
  const [year, month = '01', day = '01'] = s.slice(0, 10).split('-');
  const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
  return (
    !Number.isNaN(date.getTime()) &&
    date.getUTCMonth() + 1 === Number(month) &&
    date.getUTCDate() === Number(day)
  );
}

/** The year of a partial date: `2023-05` -> 2023. */
export function yearOf(published: string | null | undefined): number | null {
  return published ? Number(published.slice(0, 4)) : null;
}

/** What every reader must produce; fields are normalised by `normalizeText`. */
export const rawPaperSchema = z.object({
  id: z.string().trim().min(1, 'id is empty').max(500, 'id is longer than 500 characters'),
  title: text.pipe(
    z.string().max(MAX_TITLE_CHARS, `title is longer than ${MAX_TITLE_CHARS} characters`),
  ),
  abstract: text.pipe(
    z
      .string()
      .min(1, 'abstract is empty')
      .max(MAX_ABSTRACT_CHARS, `abstract is longer than ${MAX_ABSTRACT_CHARS} characters`),
  ),
  authors: z.array(text.pipe(z.string().min(1, 'author name is empty'))).optional(),
  published: partialDate.nullish(),
  url: z.string().trim().url('url is not a URL').nullish(),
  venue: text.nullish(),
  source: z.string(),
});

/** One line of the reason a record failed validation: `abstract: abstract is empty`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) =>
      issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');
}
