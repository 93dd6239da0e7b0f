// The curated lexicon (`lexicon/<kind>/*.json`, see docs/lexicon.md): loaded and validated once
// per process, indexed by name key.
import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ConceptKind } from '../domain.ts';
import { conceptIdOf, nameKey } from './name-key.ts';

const entrySchema = z
  .object({
    name: z.string().trim().min(1, 'name is empty'),
    aliases: z.array(z.string().trim().min(1, 'an alias is empty')),
    ambiguous: z.array(z.string().trim().min(1)).optional(),
    cues: z.array(z.string().trim().min(1)).optional(),
    family: z.string().trim().min(1).optional(),
    caseSensitive: z.boolean().optional(),
    broad: z.boolean().optional(),
  })
  .strict()
  .refine((e) => !e.ambiguous?.length || (e.cues?.length ?? 0) > 0, {
    message: 'an entry with ambiguous forms needs cues',
  })
  .refine(
    (e) =>
      (e.ambiguous ?? []).every((form) =>
        [e.name, ...e.aliases].some((f) => nameKey(f) === nameKey(form)),
      ),
    { message: 'every ambiguous form must be the name or an alias' },
  );

export interface LexiconEntry {
  kind: ConceptKind;
  name: string;
  /** The concept id, from the name whatever the kind (`concept:adam`, `concept:segment-anything-model`). */
  id: string;
  aliases: string[];
  /**
   * The nearest entry this one is a variant of (explicit, or by the name grammar): GPT-4o -> GPT-4,
   * GPT-4 -> GPT; null for a family.
   */
  family: LexiconEntry | null;
  /** A broad class (Transformer, CNN): a concept, but no lineage runs through it. */
  broad: boolean;
  /** Lower-case words whose presence in a paper supports this sense of an ambiguous form. */
  cues: string[];
  /** `nameKey`s of the forms that only denote this entry where the paper supports it. */
  ambiguousKeys: Set<string>;
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
  /** Another entry shares this form: it needs the paper's support for this sense. */
  ambiguous: boolean;
}

const FOLDERS: Record<ConceptKind, string> = {
  method: 'methods',
  model: 'models',
  dataset: 'datasets',
  task: 'tasks',
  metric: 'metrics',
  hardware: 'hardware',
};

const byKey = new Map<string, Form[]>();
const byId = new Map<string, LexiconEntry>();
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

/** Thrown when a lexicon file is not valid: names the file and the entry. */
export class LexiconError extends Error {}

function loadLexicon(): void {
  const families = new Map<LexiconEntry, { name: string; where: string }>();
  const explicit = new Set<LexiconEntry>();
  for (const [kind, folder] of Object.entries(FOLDERS) as [ConceptKind, string][]) {
    const dir = new URL(`./lexicon/${folder}/`, import.meta.url);
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const path = `lexicon/${folder}/${file}`;
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
      } catch (error) {
        throw new LexiconError(`${path}: not valid JSON (${(error as Error).message})`);
      }
      if (!Array.isArray(raw)) throw new LexiconError(`${path}: expected an array of entries`);
      raw.forEach((item, index) => {
        const parsed = entrySchema.safeParse(item);
        const where = `${path} entry ${index} (${JSON.stringify((item as { name?: unknown })?.name)})`;
        if (!parsed.success) {
          throw new LexiconError(
            `${where}: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
          );
        }
        addEntry(kind, parsed.data, where, families);
      });
    }
  }
  for (const [entry, { name, where }] of families) {
    const family = lookupLexicon(name).find((e) => e.name === name) ?? lookupLexicon(name)[0];
    if (family === undefined) throw new LexiconError(`${where}: family "${name}" is not an entry`);
    if (family === entry) throw new LexiconError(`${where}: an entry cannot be its own family`);
    entry.family = family;
    explicit.add(entry);
  }
  for (const entry of byId.values()) {
    if (entry.family === null && !explicit.has(entry))
      entry.family = familyByGrammar(entry.name, entry);
  }
}

function addEntry(
  kind: ConceptKind,
  raw: z.infer<typeof entrySchema>,
  where: string,
  families: Map<LexiconEntry, { name: string; where: string }>,
): void {
  const id = conceptIdOf(raw.name);
  const held = byId.get(id);
  if (held !== undefined) {
    throw new LexiconError(
      `${where}: its id ${id} is the id of "${held.name}" (${held.kind}); name one of them more specifically`,
    );
  }
  const entry: LexiconEntry = {
    kind,
    name: raw.name,
    id,
    aliases: raw.aliases,
    family: null,
    broad: raw.broad === true,
    cues: (raw.cues ?? []).map((c) => c.toLowerCase()),
    ambiguousKeys: new Set((raw.ambiguous ?? []).map(nameKey)),
  };
  byId.set(id, entry);
  if (raw.family !== undefined) families.set(entry, { name: raw.family, where });
  const keys = new Set<string>();
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
      ambiguous: entry.ambiguousKeys.has(key),
    });
    byKey.set(key, list);
    keys.add(key);
    MAX_FORM_WORDS = Math.max(MAX_FORM_WORDS, form.split(/[\s]+/).length);
  }
}

/** Every entry, for checks and the lexicon test. */
export function lexiconEntries(): LexiconEntry[] {
  return [...byId.values()];
}

/** Every lexicon entry a name may denote, ignoring case (for ids and user queries). */
export function lookupLexicon(name: string): LexiconEntry[] {
  const forms = byKey.get(nameKey(name)) ?? [];
  return [...new Set(forms.map((form) => form.entry))];
}

/** The entry with this id. */
export function lexiconEntryById(id: string): LexiconEntry | undefined {
  return byId.get(id);
}

/** Which senses of an ambiguous form a paper supports: its long form or cue words occur in it. */
export type SenseSupport = (entry: LexiconEntry) => boolean;

/** Every entry supported, for callers that have no paper (a user's query names the sense). */
export const ANY_SENSE: SenseSupport = () => true;

/**
 * The entry a written surface form denotes in running text, honouring case rules (`adam` is not
 * Adam, `drop` is not DROP). `defined` admits the forms only recognised as defined acronyms. An
 * ambiguous form (SAM) denotes the sense the paper supports, or nothing when it supports none
 * or several equally.
 */
export function matchLexicon(
  surface: string,
  defined = false,
  support: SenseSupport = ANY_SENSE,
): LexiconEntry | null {
  const forms = byKey.get(nameKey(surface));
  if (forms === undefined) return null;
  const letters = surface.replace(/[^A-Za-z0-9]/g, '');
  const senses: LexiconEntry[] = [];
  for (const form of forms) {
    if (form.definitionOnly && !defined) continue;
    if (!caseMatches(form, letters)) continue;
    if (!form.ambiguous) return form.entry;
    if (support(form.entry)) senses.push(form.entry);
  }
  return senses.length === 1 ? senses[0] : null;
}

/** True when the form has several senses in the lexicon. */
export function isAmbiguousForm(surface: string): boolean {
  return (byKey.get(nameKey(surface)) ?? []).some((form) => form.ambiguous);
}

/**
 * The support a paper's text gives each sense: one of its cue words, its name or one of its
 * unambiguous aliases occurs in the text (whole words, any case).
 */
export function senseSupportOf(text: string): SenseSupport {
  const lower = ` ${text.toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `;
  const cache = new Map<LexiconEntry, boolean>();
  return (entry) => {
    let supported = cache.get(entry);
    if (supported === undefined) {
      const phrases = [
        ...entry.cues,
        ...[entry.name, ...entry.aliases].filter((f) => !entry.ambiguousKeys.has(nameKey(f))),
      ];
      supported = phrases.some((p) =>
        lower.includes(
          ` ${p
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, ' ')
            .trim()} `,
        ),
      );
      cache.set(entry, supported);
    }
    return supported;
  };
}

// Families by the name grammar: base name + version, size, year or variant suffix.
const VARIANT_SUFFIXES = [
  /[-\s]?\d+(?:\.\d+)?[BMKT]$/i, // Llama 2 70B, OPT-1.3B, ImageNet-1k
  /[-\s](?:base|large|small|tiny|huge|xl|xxl|mini|nano|medium|giant|lite|plus|pro|max|ultra|turbo|instruct|chat|flash|vision|vl|it|hf|sft|coder|code|math|preview|distill)$/i,
  /(?<=\d)[a-z]{1,2}$/i, // GPT-4o, GPT-4V, YOLOv8n
  /[-\s]?v?\d+(?:\.\d+)*$/i, // ResNet-50, YOLOv8, SAM 2, Mamba-2, WMT 2014
];

/**
 * The nearest lexicon entry a name is a variant of by its grammar (`ResNet-50` -> ResNet,
 * `Llama 2 70B` -> Llama 2, `GPT-4o` -> GPT-4), or null. `self` is never its own family.
 */
export function familyByGrammar(
  name: string,
  self?: LexiconEntry,
  kind: ConceptKind | undefined = self?.kind,
): LexiconEntry | null {
  let rest = name.trim();
  for (let step = 0; step < 4; step += 1) {
    const before = rest;
    for (const suffix of VARIANT_SUFFIXES) {
      const stripped = rest.replace(suffix, '').replace(/[-\s]+$/, '');
      if (stripped !== rest && stripped.length >= 2) {
        rest = stripped;
        break;
      }
    }
    if (rest === before) return null;
    const base = (byKey.get(nameKey(rest)) ?? []).filter(
      (f) => !f.ambiguous && f.entry !== self && sameKindGroup(f.entry.kind, kind),
    );
    const exact = base.find((f) => nameKey(f.entry.name) === nameKey(rest)) ?? base[0];
    if (exact !== undefined) return exact.entry;
  }
  return null;
}

/** A variant is of its family's kind; methods and models name each other's variants. */
function sameKindGroup(a: ConceptKind, b: ConceptKind | undefined): boolean {
  if (b === undefined || a === b) return true;
  return (a === 'method' || a === 'model') && (b === 'method' || b === 'model');
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

loadLexicon();
