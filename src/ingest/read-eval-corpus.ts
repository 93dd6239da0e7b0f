// Readers for the labelled corpora the extractor is measured on (SciERC JSON Lines, TDMSci CoNLL).
// Each document becomes a RawPaper whose abstract is rebuilt from the tokens, with gold spans as
// character offsets into that abstract.
import { InputError } from './input-error.ts';
import { openInput, readLines } from './open-input.ts';
import type { RawPaper } from '../domain.ts';

export interface GoldSpan {
  start: number;
  end: number;
  type: string;
}

export interface LabelledDocument {
  paper: RawPaper;
  /** Token boundaries in the abstract, for token-level span comparison. */
  tokens: { start: number; end: number }[];
  gold: GoldSpan[];
}

const PTB_TOKENS: Record<string, string> = {
  '-LRB-': '(',
  '-RRB-': ')',
  '-LSB-': '[',
  '-RSB-': ']',
  '-LCB-': '{',
  '-RCB-': '}',
  '``': '"',
  "''": '"',
};

/** SciERC: one abstract per line, `sentences` as token lists, `ner` as `[start, end, TYPE]` (inclusive). */
export async function* readScierc(path: string): AsyncGenerator<LabelledDocument> {
  const input = await openInput(path);
  for await (const { line, number } of readLines(input.chunks)) {
    if (line.trim() === '') continue;
    let doc: { doc_key?: string; sentences: string[][]; ner: [number, number, string][][] };
    try {
      doc = JSON.parse(line);
      if (!Array.isArray(doc.sentences) || !Array.isArray(doc.ner))
        throw new Error('missing sentences or ner');
    } catch (error) {
      throw new InputError(
        `${input.name}:${number}: not a SciERC record (${(error as Error).message})`,
      );
    }
    const words = doc.sentences.flat().map((token) => PTB_TOKENS[token] ?? token);
    const tokens: { start: number; end: number }[] = [];
    let text = '';
    for (const word of words) {
      if (text !== '') text += ' ';
      tokens.push({ start: text.length, end: text.length + word.length });
      text += word;
    }
    const gold = doc.ner.flat().map(([first, last, type]) => ({
      start: tokens[first].start,
      end: tokens[last].end,
      type,
    }));
    const id = doc.doc_key ?? `scierc-${number}`;
    yield { paper: { id, title: '', abstract: text, source: 'scierc' }, tokens, gold };
  }
}

/** TDMSci: `token<TAB>offset<TAB>IOB2 tag` lines, a blank line between sentences. */
export async function* readTdmsci(path: string): AsyncGenerator<LabelledDocument> {
  const input = await openInput(path);
  let rows: { token: string; offset: number; tag: string }[] = [];
  let count = 0;
  function build(): LabelledDocument | null {
    if (rows.length === 0) return null;
    const base = rows[0].offset;
    let text = '';
    const tokens: { start: number; end: number }[] = [];
    for (const row of rows) {
      const at = Math.max(row.offset - base, text.length + (text === '' ? 0 : 1));
      text = text.padEnd(at, ' ') + row.token;
      tokens.push({ start: at, end: at + row.token.length });
    }
    const gold: GoldSpan[] = [];
    rows.forEach((row, i) => {
      if (row.tag.startsWith('B-')) {
        let j = i;
        while (j + 1 < rows.length && rows[j + 1].tag === `I-${row.tag.slice(2)}`) j += 1;
        gold.push({ start: tokens[i].start, end: tokens[j].end, type: row.tag.slice(2) });
      }
    });
    count += 1;
    rows = [];
    return {
      paper: { id: `tdmsci-${count}`, title: '', abstract: text, source: 'tdmsci' },
      tokens,
      gold,
    };
  }
  for await (const { line, number } of readLines(input.chunks)) {
    if (line.trim() === '') {
      const doc = build();
      if (doc !== null) yield doc;
      continue;
    }
    const [token, offset, tag] = line.split('\t');
    if (token === undefined || tag === undefined || !/^\d+$/.test(offset ?? '')) {
      throw new InputError(`${input.name}:${number}: expected token<TAB>offset<TAB>tag`);
    }
    rows.push({ token, offset: Number(offset), tag: tag.trim() });
  }
  const doc = build();
  if (doc !== null) yield doc;
}
