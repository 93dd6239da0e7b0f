/**
 * The abstract from OpenAlex's inverted index: each word at each of its positions, in order.
 * Positions that no word fills are left out rather than padded; an absent index gives ''.
 */
export function rebuildAbstract(index: Record<string, unknown> | null | undefined): string {
  if (!index || typeof index !== 'object') return '';
  const placed: [number, string][] = [];
  for (const [word, positions] of Object.entries(index)) {
    if (!Array.isArray(positions)) continue;
    for (const position of positions) {
      if (Number.isInteger(position) && position >= 0) placed.push([position, word]);
    }
  }
  placed.sort((a, b) => a[0] - b[0]);
  return placed.map(([, word]) => word).join(' ');
}
