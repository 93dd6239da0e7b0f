/**
 * Which records a run wants, decided while streaming, before a record is validated or extracted.
 * A record left out by the filter is counted as filtered, never as skipped: nothing is wrong with it.
 */
export interface PaperFilter {
  /**
   * arXiv categories, each matched as a prefix of one of the record's categories: `cs.LG` keeps
   * `cs.LG`, `cs.` keeps every computer-science paper. Only the arXiv snapshot has categories.
   */
  categories?: string[];
  /** Keep papers published in this year or later; a paper with no date at all is left out. */
  since?: number;
}

/** The filter and where to tell that a record was left out by it. */
export interface ReadContext {
  filter: PaperFilter;
  onFiltered: () => void;
}

export const NO_FILTER: ReadContext = { filter: {}, onFiltered: () => {} };

/** Whether a record with these (space-separated) categories is wanted. */
export function wantsCategories(filter: PaperFilter, categories: string | null): boolean {
  if (!filter.categories || filter.categories.length === 0) return true;
  if (!categories) return false;
  const own = categories.split(/\s+/);
  return filter.categories.some((wanted) => own.some((category) => category.startsWith(wanted)));
}

/** Whether a record of this year is wanted. */
export function wantsYear(filter: PaperFilter, year: number | null): boolean {
  if (filter.since === undefined) return true;
  return year !== null && year >= filter.since;
}
