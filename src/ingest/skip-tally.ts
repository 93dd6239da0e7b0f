import type { SkippedRecord } from '../domain.ts';

/**
 * Rejections grouped by a stable category, so a run that rejects 100,000 records says "missing
 * abstract: 99,000" once instead of printing every record. Memory holds a count and a few examples
 * per category, whatever the number of records.
 */
export interface SkipGroup {
  category: string;
  count: number;
  /** The first few records of this category (`file:line` or `file#entry`), in reading order. */
  examples: SkippedRecord[];
}

/** Reason patterns, first match wins; the reason's own wording is kept in the examples. */
const CATEGORIES: [RegExp, string][] = [
  [/^not valid JSON/, 'not valid JSON'],
  [/^expected a JSON object/, 'not a JSON object'],
  [/^(?:malformed XML|malformed <entry>)/, 'malformed XML entry'],
  [/^no Atom <feed>/, 'not an Atom feed'],
  [/^entry is larger than/, 'entry too large'],
  [/repeats an earlier record/, 'repeated id'],
  [
    /^no abstract|has no abstract after it|^abstract: (?:abstract is empty|Invalid input)/,
    'missing abstract',
  ],
  [/^abstract: abstract is longer/, 'abstract too long'],
  [/^title: title is longer/, 'title too long'],
  [/^title:/, 'missing title'],
  [/^expected a title line/, 'missing title'],
  [/^no corpusid|^id:/, 'missing or bad id'],
  [/^published:/, 'bad published date'],
  [/^url:/, 'bad url'],
  [/^authors/, 'bad authors'],
  [/^venue:/, 'bad venue'],
  [/^not found/, 'not found'],
];

/** The category of a skip reason: one of the names above, else the reason without its details. */
export function skipCategory(reason: string): string {
  for (const [pattern, category] of CATEGORIES) if (pattern.test(reason)) return category;
  return (
    reason
      .replace(/\s*\([^)]*\)/g, '')
      .replace(/"[^"]*"/g, '"…"')
      .replace(/\d+/g, 'N')
      .trim() || 'other'
  );
}

export class SkipTally {
  total = 0;
  private readonly groups = new Map<string, SkipGroup>();

  constructor(private readonly examplesPerCategory = 3) {}

  /** Counts a record; true when it is among the first few of its category (worth printing). */
  add(record: SkippedRecord): boolean {
    this.total += 1;
    const category = skipCategory(record.reason);
    let group = this.groups.get(category);
    if (!group) {
      group = { category, count: 0, examples: [] };
      this.groups.set(category, group);
    }
    group.count += 1;
    if (group.examples.length < this.examplesPerCategory) {
      group.examples.push(record);
      return true;
    }
    return false;
  }

  /** The groups, largest first. */
  list(): SkipGroup[] {
    return [...this.groups.values()].sort((a, b) => b.count - a.count);
  }
}
