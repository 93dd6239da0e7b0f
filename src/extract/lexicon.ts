// The curated lexicon (`lexicon/*.json`): loaded once per process, indexed by name key.
import { readFileSync } from 'node:fs';
import type { ConceptKind } from '../domain.ts';
import { nameKey, slugName } from './name-key.ts';

interface LexiconFileEntry {
  name: string;
  aliases: string[];
  /** Match the written forms exactly (for names that are also English words: Adam, DROP). */
  caseSensitive?: boolean;
}

export interface LexiconEntry {
  kind: ConceptKind;
  name: string;
  id: string;
  aliases: string[];
}

/** How the case of a written form must match the text. */
type CaseRule = 'any' | 'exact' | 'upper' | 'hasUpper';

interface Form {
  entry: LexiconEntry;
  rule: CaseRule;
  /** The alphanumerics of the form, for case checks. */
  letters: string;
  /** Only recognised when the paper defines it as an acronym (two-letter forms like `GD`). */
  definitionOnly: boolean;
}

const FILES: Record<ConceptKind, string> = {
  method: 'methods.json',
  model: 'models.json',
  dataset: 'datasets.json',
  task: 'tasks.json',
  metric: 'metrics.json',
  hardware: 'hardware.json',
};

const byKey = new Map<string, Form[]>();
/** The most words any form has; bounds the matcher's look-ahead. */
export let MAX_FORM_WORDS = 1;

function caseRule(form: string, caseSensitive: boolean): CaseRule {
  if (caseSensitive) return 'exact';
  const words = form.split(/\s+/);
  if (words.length > 1) return 'any';
  const letters = form.replace(/[^A-Za-z]/g, '');
  if (letters === '' || letters === letters.toLowerCase()) return 'any';
  if (letters === letters.toUpperCase()) return 'upper';
  if (/^[A-Z][a-z]+$/.test(letters)) return 'any'; // Title-case word: Dropout, Cityscapes
  return 'hasUpper';
}

function loadLexicon(): void {
  for (const [kind, file] of Object.entries(FILES) as [ConceptKind, string][]) {
    const entries = JSON.parse(
      readFileSync(new URL(`./lexicon/${file}`, import.meta.url), 'utf8'),
    ) as LexiconFileEntry[];
    for (const raw of entries) {
      const entry: LexiconEntry = {
        kind,
        name: raw.name,
        id: `${kind}:${slugName(raw.name)}`,
        aliases: raw.aliases,
      };
      for (const form of [raw.name, ...raw.aliases]) {
        const key = nameKey(form);
        if (key === '') continue;
        const letters = form.replace(/[^A-Za-z0-9]/g, '');
        const list = byKey.get(key) ?? [];
        list.push({
          entry,
          rule: caseRule(form, raw.caseSensitive === true),
          letters,
          definitionOnly: kind !== 'task' && /^[A-Za-z]{1,2}$/.test(letters),
        });
        byKey.set(key, list);
        MAX_FORM_WORDS = Math.max(MAX_FORM_WORDS, form.split(/[\s]+/).length);
      }
    }
  }
}
loadLexicon();

/** Every lexicon entry a name may denote, ignoring case (for ids and user queries). */
export function lookupLexicon(name: string): LexiconEntry[] {
  const forms = byKey.get(nameKey(name)) ?? [];
  return [...new Set(forms.map((form) => form.entry))];
}

/**
 * The entry a written surface form denotes in running text, honouring case rules (`adam` is not
 * Adam, `drop` is not DROP). `defined` admits the forms only recognised as defined acronyms.
 */
export function matchLexicon(surface: string, defined = false): LexiconEntry | null {
  const forms = byKey.get(nameKey(surface));
  if (forms === undefined) return null;
  const letters = surface.replace(/[^A-Za-z0-9]/g, '');
  for (const form of forms) {
    if (form.definitionOnly && !defined) continue;
    if (caseMatches(form, letters)) return form.entry;
  }
  return null;
}

function caseMatches(form: Form, letters: string): boolean {
  switch (form.rule) {
    case 'any':
      return true;
    case 'exact':
      return letters === form.letters || letters === `${form.letters}s`;
    case 'upper':
      return letters.replace(/s$/, '') === letters.replace(/s$/, '').toUpperCase();
    case 'hasUpper':
      return letters !== letters.toLowerCase();
  }
}
