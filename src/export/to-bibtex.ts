// BibTeX of papers, for a reference manager: one @misc entry a paper, with its arXiv id (eprint)
// or DOI when it has one, and a citation key unique within the file.
import type { BibRecord } from '../store/export-reads.ts';
import { stripControl } from './graph-format.ts';

const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // In BibTeX's default font encoding `<` and `>` print as ¡ and ¿.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};

/**
 * A field value for `{...}`: LaTeX's special characters escaped (so braces stay balanced and
 * `%` starts no comment), line breaks as spaces; other characters as they are, in UTF-8.
 */
export const escapeBibtex = (text: string) =>
  stripControl(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\{}%&$#_~^<>]/g, (c) => SPECIAL[c]);

/** Fields BibTeX tools read verbatim (no LaTeX): only braces and spaces would break them. */
const VERBATIM = new Set(['url', 'doi', 'eprint']);
const escapeVerbatim = (text: string) =>
  stripControl(text)
    .trim()
    .replace(/[{}\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

/** ASCII letters and digits of a name: `Müller` -> `muller`. */
const keyPart = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

const STOP_WORDS = new Set([
  'a',
  'an',
  'the',
  'on',
  'of',
  'for',
  'to',
  'in',
  'and',
  'with',
  'towards',
]);

/** `lastname` + year + first word of the title that says something: `kingma2014adam`. */
function baseKey(record: BibRecord): string {
  const author = keyPart(record.authors[0]?.trim().split(/\s+/).at(-1) ?? '');
  const word =
    record.title
      .split(/[^\p{L}\p{N}]+/u)
      .map(keyPart)
      .find((w) => w && !STOP_WORDS.has(w)) ?? '';
  return `${author}${record.year ?? ''}${word}` || 'paper';
}

/** The key, with a letter (then a number) appended when the file already has it. */
function uniqueKey(base: string, used: Set<string>): string {
  let key = base;
  for (let i = 0; used.has(key); i += 1) {
    key = i < 26 ? `${base}${String.fromCharCode(97 + i)}` : `${base}${i}`;
  }
  used.add(key);
  return key;
}

const idOf = (record: BibRecord, scheme: string) =>
  record.ids.find((id) => id.startsWith(`${scheme}:`))?.slice(scheme.length + 1) ?? null;

/** Entries for the records; `used` holds the keys already in the file (and gains these). */
export function toBibtex(records: readonly BibRecord[], used = new Set<string>()): string {
  return records
    .map((record) => {
      const arxiv = idOf(record, 'arxiv');
      const fields: [string, string | null][] = [
        ['title', record.title],
        ['author', record.authors.length ? record.authors.join(' and ') : null],
        ['year', record.year === null ? null : String(record.year)],
        ['howpublished', record.venue],
        ['eprint', arxiv],
        ['archiveprefix', arxiv ? 'arXiv' : null],
        ['doi', idOf(record, 'doi')],
        ['url', record.url ?? (arxiv ? `https://arxiv.org/abs/${arxiv}` : null)],
        ['note', `papergraph: ${record.id}`],
      ];
      const body = fields
        .filter((f): f is [string, string] => f[1] !== null && f[1] !== '')
        .map(
          ([name, value]) =>
            `  ${name} = {${VERBATIM.has(name) ? escapeVerbatim(value) : escapeBibtex(value)}}`,
        )
        .join(',\n');
      return `@misc{${uniqueKey(baseKey(record), used)},\n${body}\n}\n`;
    })
    .join('\n');
}
