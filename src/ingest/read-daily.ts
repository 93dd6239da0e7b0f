import type { ReadResult } from './read-result.ts';
import { readLines } from './open-input.ts';
import { validatePaper } from './validate-paper.ts';

/**
 * The daily listing (`seed/`): a few header lines ending with a date line such as `Mar 14`, then
 * blocks of title / blank line / abstract separated by blank lines. A block's lines are joined with
 * a space. There is no year, so `published` stays empty. Ids are `daily:<slug of the title>`, made
 * unique within the file with `-2`, `-3`...
 */
const DATE_LINE = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}$/;
/** How many leading paragraphs may be header; if no date line appears among them, none is. */
const HEADER_PARAGRAPHS = 12;
/** Longest paragraph taken as a title: a longer one where a title belongs is an abstract. */
const MAX_TITLE_LENGTH = 400;

interface Paragraph {
  text: string;
  line: number;
}

export async function* readDaily(
  chunks: AsyncIterable<string>,
  name: string,
): AsyncGenerator<ReadResult> {
  const used = new Map<string, number>();
  let header: Paragraph[] | null = [];
  let title: Paragraph | null = null;

  function* take(paragraph: Paragraph): Generator<ReadResult> {
    if (title === null) {
      if (paragraph.text.length > MAX_TITLE_LENGTH) {
        yield skip(
          paragraph,
          `expected a title line, found a ${paragraph.text.length}-character paragraph with no title before it`,
        );
      } else {
        title = paragraph;
      }
      return;
    }
    const slug = slugify(title.text) || `paper-line-${title.line}`;
    const seen = used.get(slug) ?? 0;
    used.set(slug, seen + 1);
    const id = `daily:${seen === 0 ? slug : `${slug}-${seen + 1}`}`;
    yield validatePaper(
      { id, title: title.text, abstract: paragraph.text, published: null, source: 'daily' },
      `${name}:${title.line}`,
    );
    title = null;
  }

  function skip(paragraph: Paragraph, reason: string): ReadResult {
    return { kind: 'skipped', skipped: { where: `${name}:${paragraph.line}`, reason } };
  }

  for await (const paragraph of readParagraphs(chunks)) {
    if (header !== null) {
      header.push(paragraph);
      if (DATE_LINE.test(paragraph.text)) {
        header = null; // everything so far was the header
      } else if (header.length >= HEADER_PARAGRAPHS) {
        const buffered = header;
        header = null;
        for (const early of buffered) yield* take(early);
      }
      continue;
    }
    yield* take(paragraph);
  }
  if (header !== null) for (const early of header) yield* take(early);
  if (title !== null) {
    const last: Paragraph = title;
    yield skip(last, `title "${truncate(last.text)}" has no abstract after it`);
  }
}

async function* readParagraphs(chunks: AsyncIterable<string>): AsyncGenerator<Paragraph> {
  let lines: string[] = [];
  let start = 0;
  for await (const { line, number } of readLines(chunks)) {
    if (line.trim() === '') {
      if (lines.length > 0) yield { text: lines.join(' '), line: start };
      lines = [];
    } else {
      if (lines.length === 0) start = number;
      lines.push(line);
    }
  }
  if (lines.length > 0) yield { text: lines.join(' '), line: start };
}

/** A stable, readable id part: lower-case ASCII words joined by `-`, at most 80 characters. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= 80) return slug;
  const cut = slug.slice(0, 80);
  const dash = cut.lastIndexOf('-');
  return dash > 40 ? cut.slice(0, dash) : cut;
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
