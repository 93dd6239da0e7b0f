import { XMLParser } from 'fast-xml-parser';
import type { ReadResult } from './read-result.ts';
import { validatePaper } from './validate-paper.ts';

/**
 * An arXiv API Atom feed. The feed is cut into `<entry>...</entry>` pieces as it streams and each
 * piece is parsed on its own, so a feed of any size is never held in memory. An entry is reported
 * as `file#N` (N counted from 1). Ids are `arxiv:<id without version>` (`arxiv:2305.14342`).
 */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  isArray: (tagName) => tagName === 'author' || tagName === 'link',
  processEntities: true,
  htmlEntities: true,
});

/** An entry larger than this is not a paper's metadata; it is reported and skipped. */
const MAX_ENTRY_CHARS = 2_000_000;

export async function* readArxiv(
  chunks: AsyncIterable<string>,
  name: string,
): AsyncGenerator<ReadResult> {
  let pending = '';
  let entry = 0;
  let sawFeed = false;
  for await (const chunk of chunks) {
    pending += chunk;
    if (!sawFeed && /<feed[\s>]/.test(pending)) sawFeed = true;
    for (;;) {
      const start = pending.search(/<(?:atom:)?entry[\s>]/);
      if (start === -1) {
        // Keep only a tail that could hold the start of an `<entry` tag.
        pending = pending.slice(-16);
        break;
      }
      const close = /<\/(?:atom:)?entry\s*>/g;
      close.lastIndex = start;
      const end = close.exec(pending);
      if (end === null) {
        pending = pending.slice(start);
        if (pending.length > MAX_ENTRY_CHARS) {
          entry += 1;
          yield {
            kind: 'skipped',
            skipped: {
              where: `${name}#${entry}`,
              reason: `entry is larger than ${MAX_ENTRY_CHARS} characters`,
            },
          };
          pending = pending.slice(1);
        }
        break;
      }
      entry += 1;
      yield parseEntry(pending.slice(start, end.index + end[0].length), `${name}#${entry}`);
      pending = pending.slice(end.index + end[0].length);
    }
  }
  if (!sawFeed && entry === 0) {
    yield {
      kind: 'skipped',
      skipped: { where: name, reason: 'no Atom <feed> or <entry> elements found' },
    };
  }
}

function parseEntry(xml: string, where: string): ReadResult {
  let parsed: Record<string, unknown>;
  try {
    parsed = parser.parse(xml) as Record<string, unknown>;
  } catch (error) {
    return {
      kind: 'skipped',
      skipped: { where, reason: `malformed XML (${(error as Error).message})` },
    };
  }
  const node = parsed.entry as Record<string, unknown> | undefined;
  if (typeof node !== 'object' || node === null) {
    return { kind: 'skipped', skipped: { where, reason: 'malformed <entry> element' } };
  }
  const rawId = textOf(node.id);
  const id = rawId
    .trim()
    .replace(/^https?:\/\/arxiv\.org\/abs\//, '')
    .replace(/v\d+$/, '');
  const authors = ((node.author as unknown[] | undefined) ?? [])
    .map((author) => textOf((author as Record<string, unknown>)?.name))
    .filter((author) => author.trim() !== '');
  const links = (node.link as Record<string, unknown>[] | undefined) ?? [];
  const alternate = links.find((link) => link['@_rel'] === 'alternate') ?? links[0];
  const journal = textOf(node.journal_ref);
  return validatePaper(
    {
      id: id === '' ? '' : `arxiv:${id}`,
      title: textOf(node.title),
      abstract: textOf(node.summary),
      authors: authors.length > 0 ? authors : undefined,
      published: textOf(node.published) || null,
      url: alternate ? String(alternate['@_href'] ?? '') || null : rawId || null,
      venue: journal || null,
      source: 'arxiv',
    },
    where,
  );
}

function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  if (typeof value === 'object' && '#text' in value)
    return textOf((value as Record<string, unknown>)['#text']);
  return '';
}
