// RawPaper -> Extraction: concepts with roles and evidence, efficiency claims, code URLs.
import type {
  ConceptKind,
  ExtractedConcept,
  Extraction,
  Field,
  Mention,
  RawPaper,
  Role,
} from '../domain.ts';
import { conceptId } from './concept-id.ts';
import { extractClaims } from './extract-claims.ts';
import type { NamedSpan } from './extract-claims.ts';
import { findAcronyms } from './find-acronyms.ts';
import type { AcronymDefinition } from './find-acronyms.ts';
import type { LexiconEntry } from './lexicon.ts';
import { MAX_FORM_WORDS, lookupLexicon, matchLexicon } from './lexicon.ts';
import { parseText } from './parse-text.ts';
import type { Sentence, Word } from './parse-text.ts';
import {
  BARE_METHOD_HEADS,
  BARE_TASK_HEADS,
  COMPOUND_HEADS,
  GENERIC_MODIFIERS,
  HEAD_KINDS,
  MODIFIED_METRIC_HEADS,
  singularHead,
} from './phrase-heads.ts';

/**
 * Every rule that can produce a concept, with its confidence; a concept lists the rules that fired
 * for it, strongest first. Lower priority numbers win a contested span.
 */
export const CONCEPT_RULES = {
  'acronym-definition': { confidence: 0.85, priority: 0 },
  'propose-cue': { confidence: 0.85, priority: 1 },
  'called-cue': { confidence: 0.85, priority: 1 },
  'title-name': { confidence: 0.8, priority: 1 },
  'appositive-name': { confidence: 0.75, priority: 1 },
  lexicon: { confidence: 0.9, priority: 2 },
  'dataset-cue': { confidence: 0.7, priority: 3 },
  'name-pattern': { confidence: 0.5, priority: 4 },
  'known-name': { confidence: 0.7, priority: 4 },
  'noun-phrase-head': { confidence: 0.4, priority: 5 },
  /** "an MT system", "WSD models": a task named inside a method phrase; the phrase wins. */
  'task-system': { confidence: 0.5, priority: 1 },
} as const;
export type ConceptRule = keyof typeof CONCEPT_RULES;

interface Candidate {
  id: string;
  kind: ConceptKind;
  name: string;
  rule: ConceptRule;
  field: Field;
  start: number;
  end: number;
  sentence: Sentence;
  /** Set by the naming rules; other roles come from cue words around each mention. */
  proposes: boolean;
}

interface FieldText {
  field: Field;
  text: string;
  sentences: Sentence[];
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'{}|\\^`\])]+/g;

/** Extracts concepts, claims and code URLs from one paper. Pure; never throws on odd text. */
export function extractPaper(paper: RawPaper): Extraction {
  try {
    return extractUnsafe(paper);
  } catch {
    // A bug in a rule must not lose the paper: fall back to what needs no NLP.
    return {
      id: paper.id,
      title: paper.title,
      concepts: [],
      claims: [],
      codeUrls: findCodeUrls(paper),
    };
  }
}

function extractUnsafe(paper: RawPaper): Extraction {
  const fields: FieldText[] = [
    { field: 'title', text: paper.title ?? '', sentences: parseText(paper.title ?? '') },
    { field: 'abstract', text: paper.abstract ?? '', sentences: parseText(paper.abstract ?? '') },
  ];
  const candidates: Candidate[] = [];
  const definitions = fields.flatMap((f) =>
    findAcronyms(f.sentences).map((d) => ({ ...d, field: f.field })),
  );
  const byAcronym = new Map<string, { id: string; kind: ConceptKind; name: string }>();

  for (const f of fields) {
    for (const sentence of f.sentences) {
      candidates.push(...findLexiconMentions(f.field, sentence));
    }
  }
  for (const definition of definitions) {
    const candidate = defineAcronym(definition, candidates);
    if (candidate === null) continue;
    candidates.push(candidate);
    byAcronym.set(definition.short, {
      id: candidate.id,
      kind: candidate.kind,
      name: candidate.name,
    });
    candidates.push({
      ...candidate,
      name: definition.short,
      start: definition.shortStart,
      end: definition.shortEnd,
    });
  }
  for (const f of fields) {
    for (const sentence of f.sentences) {
      candidates.push(...findNamedContributions(f.field, sentence, byAcronym));
      candidates.push(...findDatasetCues(f.field, sentence));
      candidates.push(...findNamePatterns(f.field, sentence, byAcronym));
    }
  }
  candidates.push(...findTitleName(fields, byAcronym, candidates));
  sweepKnownNames(fields, candidates, byAcronym);
  for (const f of fields) {
    for (const sentence of f.sentences) candidates.push(...findNounPhrases(f.field, sentence));
  }

  adoptStrongerKinds(candidates, fields);
  const kept = resolveOverlaps(candidates);
  const concepts = buildConcepts(kept, fields);
  const spans: NamedSpan[] = kept
    .filter((c) => c.field === 'abstract' && c.rule !== 'noun-phrase-head')
    .map((c) => ({ name: conceptName(c, concepts), kind: c.kind, start: c.start, end: c.end }));
  const claims = [
    ...extractClaims('title', fields[0].sentences, []),
    ...extractClaims('abstract', fields[1].sentences, spans),
  ];
  return { id: paper.id, title: paper.title, concepts, claims, codeUrls: findCodeUrls(paper) };
}

function conceptName(candidate: Candidate, concepts: ExtractedConcept[]): string {
  return concepts.find((c) => c.id === candidate.id)?.name ?? candidate.name;
}

function findCodeUrls(paper: RawPaper): string[] {
  const urls = new Set<string>();
  for (const text of [paper.title ?? '', paper.abstract ?? '']) {
    for (const match of text.slice(0, 200_000).matchAll(URL_PATTERN)) {
      urls.add(match[0].replace(/[.,;:]+$/, ''));
    }
  }
  return [...urls];
}

// ---------------------------------------------------------------------------------------------
// Lexicon

function findLexiconMentions(field: Field, sentence: Sentence): Candidate[] {
  const found: Candidate[] = [];
  const words = sentence.words;
  const text = sentence.text;
  let i = 0;
  while (i < words.length) {
    let matched = 0;
    let entry: LexiconEntry | null = null;
    const maxLength = Math.min(MAX_FORM_WORDS, words.length - i);
    for (let length = maxLength; length >= 1; length -= 1) {
      const first = words[i];
      const last = words[i + length - 1];
      if (length > 1 && !onlySpaces(text, sentence.start, words, i, i + length - 1)) continue;
      const surface = text.slice(first.start - sentence.start, last.end - sentence.start);
      const hit = matchLexicon(surface);
      if (hit !== null) {
        entry = hit;
        matched = length;
        break;
      }
    }
    if (entry !== null) {
      const first = words[i];
      const last = words[i + matched - 1];
      // "Alpaca's instruction data": the possessive is not part of the name.
      const possessive = /['’]s$/.test(last.text) ? 2 : 0;
      found.push({
        id: entry.id,
        kind: entry.kind,
        name: entry.name,
        rule: 'lexicon',
        field,
        start: first.start,
        end: last.end - possessive,
        sentence,
        proposes: false,
      });
      i += matched;
    } else {
      i += 1;
    }
  }
  return found;
}

function onlySpaces(
  text: string,
  offset: number,
  words: Word[],
  from: number,
  to: number,
): boolean {
  for (let k = from; k < to; k += 1) {
    const gap = text.slice(words[k].end - offset, words[k + 1].start - offset);
    if (gap !== ' ' && gap !== '/') return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Acronyms

function defineAcronym(
  definition: AcronymDefinition & { field: Field },
  candidates: Candidate[],
): Candidate | null {
  const known =
    matchLexicon(definition.long) ??
    matchLexicon(definition.short, true) ??
    lexiconInside(definition, candidates);
  let kind: ConceptKind | null = known?.kind ?? null;
  let name = known?.name ?? definition.long;
  if (known === null) {
    const before = definition.sentence.text.slice(
      0,
      definition.longStart - definition.sentence.start,
    );
    const proposed =
      PROPOSER.test(before) &&
      /\b(?:propose|present|introduce|develop|call|name|term|dub)\w*\s+(?:\S+\s+){0,6}$/i.test(
        before,
      );
    kind =
      kindFromHead(definition.long) ?? (isTitleCase(definition.long) || proposed ? 'method' : null);
    name = definition.long;
  }
  if (kind === null) return null;
  return {
    id: known !== null ? known.id : conceptId(kind, name),
    kind,
    name,
    rule: 'acronym-definition',
    field: definition.field,
    start: definition.longStart,
    end: definition.longEnd,
    sentence: definition.sentence,
    proposes: false,
  };
}

/** A lexicon match covering exactly the long form ("Straight Through Estimator (STE)"). */
function lexiconInside(
  definition: AcronymDefinition,
  candidates: Candidate[],
): LexiconEntry | null {
  const hit = candidates.find(
    (c) => c.rule === 'lexicon' && c.start === definition.longStart && c.end === definition.longEnd,
  );
  return hit === undefined ? null : (lookupLexicon(hit.name).find((e) => e.id === hit.id) ?? null);
}

function kindFromHead(phrase: string): ConceptKind | null {
  const words = phrase.toLowerCase().split(/\s+/);
  const last2 = words.slice(-2).join(' ');
  if (last2 in COMPOUND_HEADS) return COMPOUND_HEADS[last2];
  const head = singularHead(words[words.length - 1] ?? '');
  const lastPart = head.split('-').pop() ?? head;
  return HEAD_KINDS[head] ?? HEAD_KINDS[lastPart] ?? null;
}

function isTitleCase(phrase: string): boolean {
  const words = phrase
    .split(/\s+/)
    .filter((w) => !/^(?:of|for|and|the|a|an|in|on|to|with|via)$/i.test(w));
  return words.length >= 2 && words.every((w) => /^[A-Z0-9]/.test(w));
}

// ---------------------------------------------------------------------------------------------
// Names of contributions: "we propose X", "called X", "method, X,", the title's "X: ..."

/** A word that reads as a name: CamelCase, capitals after the first letter, letters with digits. */
function isNameToken(word: Word): boolean {
  const t = word.text;
  if (word.pos === 'adj' && /-/.test(t)) return false;
  if (!/^[A-Za-z]/.test(t) || t.length < 2) return false;
  if (/[a-z][A-Z]/.test(t)) return true; // AdamP, diffGrad, FedSpeed
  if (/^[A-Z][A-Z0-9&-]*[A-Z0-9][a-z]?$/.test(t) && t.length >= 2) return true; // DADAO, WTA-CRS, DIFF2
  if (/[A-Za-z]/.test(t) && /\d/.test(t) && /^[A-Za-z][\w.-]*$/.test(t)) return true; // YOLOv9, GPT-2
  return false;
}

function isCapitalized(word: Word, index: number): boolean {
  return index > 0 && /^[A-Z][a-z]/.test(word.text) && word.pos !== 'adj' && word.pos !== 'verb';
}

const PROPOSE_VERB =
  /^(?:propose|proposes|proposed|present|presents|introduce|introduces|develop|develops|design|designs|devise|devises|describe|describes|build|builds|create|creates|release|releases|offer|offers|contribute|contributes)$/;
const NAMING_VERB = /^(?:called|dubbed|termed|named|coined|nicknamed)$/;
const PROPOSER =
  /\b(?:we|this (?:paper|work|study|article|letter|note)|the (?:paper|present work)|our (?:work|paper))\b/i;
const BLOCKERS =
  /^(?:use|uses|using|apply|applying|with|of|for|on|by|from|than|over|to|extend|extends|extending|combine|combining|improve|improves|analyze|analyse|study|that|which|where|when|whether|how|if)$/;
const CONTRIBUTION_HEADS =
  /^(?:method|methods|framework|algorithm|algorithms|approach|model|models|optimizer|optimiser|estimator|estimators|technique|architecture|system|network|benchmark|dataset|environment|toolkit|library|scheme|strategy|procedure|variant|tool|platform|suite|score|scores|metric|corpus)$/i;

function kindForName(name: string, context: string): ConceptKind {
  const known = matchLexicon(name, true);
  if (known !== null) return known.kind;
  const apposed =
    /^[\s,:(-]*(?:(?:a|an|the|which is a|is a)\s+)?(?:(?:new|novel|large|large-scale|challenging|simple|first|public|publicly available)\s+)*(\w+)/i
      .exec(context)?.[1]
      ?.toLowerCase();
  if (apposed !== undefined && /^(?:benchmark|dataset|corpus|suite)$/.test(apposed))
    return 'dataset';
  if (apposed !== undefined && /^(?:metric|score|measure)$/.test(apposed)) return 'metric';
  if (
    /v\d|-\d+[BMK]?$|\d+[BM]$/.test(name) ||
    /\b(?:model|network|architecture|LLM)\b/.test(context)
  ) {
    return 'model';
  }
  return 'method';
}

function nameCandidate(
  name: string,
  rule: ConceptRule,
  field: Field,
  sentence: Sentence,
  start: number,
  end: number,
  context: string,
  byAcronym: Map<string, { id: string; kind: ConceptKind; name: string }>,
  proposes: boolean,
): Candidate {
  const defined = byAcronym.get(name);
  if (defined !== undefined) {
    return { ...defined, rule, field, start, end, sentence, proposes };
  }
  const known = matchLexicon(name, true);
  const kind = known?.kind ?? kindForName(name, context);
  return {
    id: known?.id ?? conceptId(kind, name),
    kind,
    name: known?.name ?? name,
    rule,
    field,
    start,
    end,
    sentence,
    proposes,
  };
}

/** The run of name words starting at `i` ("Deep Gradient Compression"), or null. */
function nameRun(words: Word[], i: number, text: string, offset: number): [number, number] | null {
  const first = words[i];
  if (first === undefined) return null;
  if (isNameToken(first)) {
    // A name may continue with capitalised words: "Rectified Straight Through Estimator".
    return [i, i];
  }
  if (!isCapitalized(first, i) && !(i === 0 && /^[A-Z][a-z]/.test(first.text))) return null;
  let j = i;
  while (
    j + 1 < words.length &&
    text.slice(words[j].end - offset, words[j + 1].start - offset) === ' ' &&
    (/^[A-Z]/.test(words[j + 1].text) || isNameToken(words[j + 1]))
  ) {
    j += 1;
  }
  return [i, j];
}

function findNamedContributions(
  field: Field,
  sentence: Sentence,
  byAcronym: Map<string, { id: string; kind: ConceptKind; name: string }>,
): Candidate[] {
  const found: Candidate[] = [];
  const words = sentence.words;
  const text = sentence.text;
  const offset = sentence.start;
  const hasProposer = PROPOSER.test(text);
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i];
    // "called WTA-CRS", "termed f-distill"
    if (NAMING_VERB.test(word.text) && i + 1 < words.length && !/^entit/i.test(words[i + 1].text)) {
      const next = words[i + 1];
      const gap = text.slice(word.end - offset, next.start - offset);
      if (!/^\s["“']?$/.test(gap)) continue;
      const run =
        nameRun(words, i + 1, text, offset) ??
        (/[-\d]/.test(next.text) && /^[a-z]/.test(next.text) ? [i + 1, i + 1] : null);
      if (run === null) continue;
      const start = words[run[0]].start;
      const end = words[run[1]].end;
      const name = text.slice(start - offset, end - offset);
      found.push(
        nameCandidate(
          name,
          'called-cue',
          field,
          sentence,
          start,
          end,
          text.slice(Math.max(0, word.start - offset - 40), word.start - offset),
          byAcronym,
          hasProposer ||
            /\b(?:is|are|method|framework|algorithm|approach|model|estimators?)\s+$/i.test(
              text.slice(0, word.start - offset),
            ),
        ),
      );
      continue;
    }
    // "we propose Sophia", "we present dataset quantization (DQ)"
    if (PROPOSE_VERB.test(word.lower) && PROPOSER.test(text.slice(0, word.start - offset))) {
      for (let j = i + 1; j < Math.min(words.length, i + 13); j += 1) {
        const w = words[j];
        const gapBefore = text.slice(words[j - 1].end - offset, w.start - offset);
        if (/[;:.]/.test(gapBefore) && j > i + 1) break;
        if (BLOCKERS.test(w.lower)) break;
        const acronym = byAcronym.get(w.text);
        if (acronym !== undefined && /\(\s*$/.test(gapBefore)) {
          found.push({
            ...acronym,
            rule: 'propose-cue',
            field,
            start: w.start,
            end: w.end,
            sentence,
            proposes: true,
          });
          break;
        }
        const run = nameRun(words, j, text, offset);
        if (run === null || (j === i + 1 && false)) continue;
        const start = words[run[0]].start;
        const end = words[run[1]].end;
        const name = text.slice(start - offset, end - offset);
        const after = text.slice(end - offset, end - offset + 12);
        const defined = /^\s\(/.test(after)
          ? byAcronym.get(after.replace(/^\s\(([^)\s]+).*$/, '$1'))
          : undefined;
        if (defined !== undefined) {
          found.push({
            ...defined,
            rule: 'propose-cue',
            field,
            start,
            end,
            sentence,
            proposes: true,
          });
        } else {
          const context = text.slice(word.end - offset, end - offset + 60);
          found.push(
            nameCandidate(
              name,
              'propose-cue',
              field,
              sentence,
              start,
              end,
              context,
              byAcronym,
              true,
            ),
          );
        }
        break;
      }
    }
    // "a novel and practical method, FedSpeed, to ..."
    if (
      hasProposer &&
      CONTRIBUTION_HEADS.test(word.text) &&
      i + 1 < words.length &&
      text.slice(word.end - offset, words[i + 1].start - offset) === ', ' &&
      isNameToken(words[i + 1])
    ) {
      const next = words[i + 1];
      found.push(
        nameCandidate(
          next.text,
          'appositive-name',
          field,
          sentence,
          next.start,
          next.end,
          word.text,
          byAcronym,
          true,
        ),
      );
    }
  }
  return found;
}

/** The title's lead name, "Sophia: A Scalable ...", when the abstract confirms it is a name. */
function findTitleName(
  fields: FieldText[],
  byAcronym: Map<string, { id: string; kind: ConceptKind; name: string }>,
  candidates: Candidate[],
): Candidate[] {
  const title = fields[0];
  const colon = title.text.indexOf(': ');
  if (colon <= 0 || colon > 60) return [];
  const name = title.text.slice(0, colon).trim();
  const words = name.split(/\s+/);
  if (words.length > 4 || title.sentences.length === 0) return [];
  const abstract = fields[1].text;
  const single = words.length === 1 && /^[A-Za-z][\w&+.-]*$/.test(name);
  const nameLike = single && (/[a-z][A-Z]|[A-Z]{2}|\d/.test(name) || abstract.includes(name));
  const repeated = words.length > 1 && abstract.includes(name);
  const defined = [...byAcronym.values()].some((d) => d.name.toLowerCase() === name.toLowerCase());
  if (!nameLike && !repeated && !defined) return [];
  // A title that leads with a concept the lexicon knows as someone else's work names a topic.
  const known = candidates.find(
    (c) => c.field === 'title' && c.start === 0 && c.end === colon && c.rule === 'lexicon',
  );
  if (known !== undefined && !nameLike) return [];
  const sentence = title.sentences[0];
  const context = title.text.slice(colon, colon + 80);
  return [nameCandidate(name, 'title-name', 'title', sentence, 0, colon, context, byAcronym, true)];
}

// ---------------------------------------------------------------------------------------------
// Datasets named by cue words: "the Penn Treebank corpus", "on CIFAR-10 and SVHN datasets"

const DATASET_WORD =
  /^(?:dataset|datasets|data-set|benchmark|benchmarks|corpus|corpora|treebank|challenge)$/i;

function findDatasetCues(field: Field, sentence: Sentence): Candidate[] {
  const found: Candidate[] = [];
  const words = sentence.words;
  const offset = sentence.start;
  const text = sentence.text;
  for (let i = 1; i < words.length; i += 1) {
    if (!DATASET_WORD.test(words[i].text)) continue;
    // Walk back over names and the commas / "and" between them.
    let j = i - 1;
    while (j >= 0) {
      const w = words[j];
      if (
        (isNameToken(w) || /^[A-Z]/.test(w.text)) &&
        w.pos !== 'adj' &&
        !/[/[\]{}]/.test(w.text)
      ) {
        let k = j;
        while (
          k - 1 >= 0 &&
          (isNameToken(words[k - 1]) || /^[A-Z]/.test(words[k - 1].text)) &&
          text.slice(words[k - 1].end - offset, words[k].start - offset) === ' ' &&
          k - 1 > 0
        ) {
          k -= 1;
        }
        const start = words[k].start;
        const end = w.end;
        const name = text.slice(start - offset, end - offset);
        if (!/^(?:The|A|An|Our|This|These|In|On|We)$/.test(words[k].text)) {
          found.push({
            id: conceptId('dataset', name),
            kind: 'dataset',
            name,
            rule: 'dataset-cue',
            field,
            start,
            end,
            sentence,
            proposes: false,
          });
        }
        j = k - 1;
        if (j >= 0 && (words[j].lower === 'and' || words[j].lower === 'or')) j -= 1;
        else if (
          j >= 0 &&
          text.slice(words[j].end - offset, words[j + 1].start - offset).trim() === ','
        )
          continue;
        else break;
      } else {
        break;
      }
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Unknown names by their shape: BinaryConnect, ReSTE, YOLOv9

const NOT_NAMES = new Set([
  'PhD',
  'iPhone',
  'iOS',
  'YouTube',
  'GitHub',
  'arXiv',
  'LaTeX',
  'PyTorch',
  'TensorFlow',
  'JAX',
]);

function findNamePatterns(
  field: Field,
  sentence: Sentence,
  byAcronym: Map<string, { id: string; kind: ConceptKind; name: string }>,
): Candidate[] {
  const found: Candidate[] = [];
  for (const word of sentence.words) {
    const t = word.text;
    if (NOT_NAMES.has(t) || byAcronym.has(t) || /[/[\]{}:^_\\]/.test(t) || word.pos === 'adj')
      continue;
    // Mixed case or letters with digits; plain all-capital acronyms are too often generic (LLM, SOTA).
    const camel = /[a-z][A-Z]/.test(t) && /^[A-Za-z]/.test(t);
    const versioned =
      /^[A-Za-z][A-Za-z]+-?\d[\w.]*$/.test(t) && /[A-Z]/.test(t) && !/^[A-Z][a-z]+\d+$/.test(t);
    if (!camel && !versioned) continue;
    if (/^[a-z]+[A-Z][a-z]+$/.test(t) && t.length < 6) continue;
    const context = sentence.text.slice(word.end - sentence.start, word.end - sentence.start + 40);
    found.push(
      nameCandidate(
        t,
        'name-pattern',
        field,
        sentence,
        word.start,
        word.end,
        context,
        byAcronym,
        false,
      ),
    );
  }
  return found;
}

/** Later mentions of names found once: "DGC employs ...", "Sophia achieves ...". */
function sweepKnownNames(
  fields: FieldText[],
  candidates: Candidate[],
  byAcronym: Map<string, { id: string; kind: ConceptKind; name: string }>,
): void {
  const forms = new Map<string, Candidate>();
  for (const c of candidates) {
    if (c.rule === 'lexicon' || c.rule === 'noun-phrase-head') continue;
    const surface = (c.field === 'title' ? fields[0] : fields[1]).text.slice(c.start, c.end);
    if (surface.length >= 2 && !forms.has(surface)) forms.set(surface, c);
  }
  for (const [acronym, concept] of byAcronym) {
    const source = candidates.find((c) => c.id === concept.id);
    if (source !== undefined && !forms.has(acronym)) forms.set(acronym, source);
  }
  const seen = new Set(candidates.map((c) => `${c.field}:${c.start}:${c.end}`));
  for (const [surface, source] of forms) {
    const multiword = /\s/.test(surface);
    const pattern = new RegExp(
      `(?<![\\w-])${escapeRegExp(surface)}(?![\\w-])`,
      multiword ? 'gi' : 'g',
    );
    for (const f of fields) {
      for (const match of f.text.slice(0, 50_000).matchAll(pattern)) {
        const start = match.index;
        const end = start + match[0].length;
        const key = `${f.field}:${start}:${end}`;
        if (seen.has(key)) continue;
        const sentence = f.sentences.find((s) => s.start <= start && end <= s.end);
        if (sentence === undefined) continue;
        seen.add(key);
        candidates.push({
          ...source,
          rule: 'known-name',
          field: f.field,
          start,
          end,
          sentence,
          proposes: false,
        });
      }
    }
  }
}

/** A shape-only match takes the identity another rule gave the same name (BlockMNIST the dataset). */
function adoptStrongerKinds(candidates: Candidate[], fields: FieldText[]): void {
  const strength: Partial<Record<ConceptRule, number>> = {
    lexicon: 0,
    'acronym-definition': 1,
    'dataset-cue': 2,
    'called-cue': 3,
    'propose-cue': 3,
    'appositive-name': 3,
    'title-name': 3,
  };
  const strong = new Map<string, Candidate>();
  const surfaceOf = (c: Candidate): string =>
    (c.field === 'title' ? fields[0] : fields[1]).text.slice(c.start, c.end);
  for (const c of candidates) {
    const rank = strength[c.rule];
    if (rank === undefined) continue;
    const surface = surfaceOf(c);
    const held = strong.get(surface);
    if (held === undefined || rank < (strength[held.rule] ?? 9)) strong.set(surface, c);
  }
  for (const c of candidates) {
    if (c.rule === 'lexicon' || c.rule === 'noun-phrase-head' || c.rule === 'acronym-definition')
      continue;
    const other = strong.get(surfaceOf(c));
    if (other !== undefined && other !== c) {
      c.id = other.id;
      c.kind = other.kind;
      c.name = other.name;
    }
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---------------------------------------------------------------------------------------------
// Noun phrases by their head: "a rule-based parser" (method), "speech recognition" (task)

const NP_POS = new Set(['noun', 'adj', 'num']);
const GERUND_STOP =
  /^(?:using|including|making|achieving|showing|improving|having|being|given|based|following|according|providing|allowing|leading|yielding|requiring|resulting|considering|reducing|increasing|learning to|building|training)$/;

function findNounPhrases(field: Field, sentence: Sentence): Candidate[] {
  const found: Candidate[] = [];
  const words = sentence.words;
  const offset = sentence.start;
  const text = sentence.text;
  let i = 0;
  while (i < words.length) {
    if (!inPhrase(words, i, true)) {
      i += 1;
      continue;
    }
    let j = i;
    while (
      j + 1 < words.length &&
      text.slice(words[j].end - offset, words[j + 1].start - offset) === ' ' &&
      inPhrase(words, j + 1, false)
    ) {
      j += 1;
    }
    const candidate = phraseCandidate(field, sentence, i, j);
    if (candidate !== null) found.push(candidate);
    i = j + 1;
  }
  return found;
}

function inPhrase(words: Word[], i: number, first: boolean): boolean {
  const w = words[i];
  if (NP_POS.has(w.pos)) return !(w.pos === 'num' && !/[A-Za-z]/.test(w.text) && first);
  if (w.pos === 'gerund') {
    if (GERUND_STOP.test(w.lower)) return false;
    const next = words[i + 1];
    return !first || (next !== undefined && next.pos === 'noun');
  }
  return false;
}

function phraseCandidate(
  field: Field,
  sentence: Sentence,
  from: number,
  to: number,
): Candidate | null {
  const words = sentence.words;
  // Trim generic leading modifiers and any trailing non-noun.
  let i = from;
  while (i <= to && GENERIC_MODIFIERS.has(words[i].lower) && words[i + 1]?.lower !== 'order')
    i += 1;
  let j = to;
  while (j >= i && words[j].pos !== 'noun') j -= 1;
  if (j < i) return null;
  const headWord = words[j].lower;
  const last2 = j > i ? `${words[j - 1].lower} ${headWord}` : '';
  let kind: ConceptKind | null;
  if (last2 in COMPOUND_HEADS) kind = COMPOUND_HEADS[last2];
  else {
    const head = singularHead(headWord);
    kind = HEAD_KINDS[head] ?? HEAD_KINDS[head.split('-').pop() ?? head] ?? null;
  }
  if (kind === null) return null;
  // A bare head ("the algorithm") is generic; a method needs a describing word.
  const bare = j === i;
  if (
    bare &&
    kind !== 'metric' &&
    !(kind === 'method' && BARE_METHOD_HEADS.has(singularHead(headWord))) &&
    !(kind === 'task' && (/-/.test(headWord) || BARE_TASK_HEADS.has(headWord)))
  ) {
    return null;
  }
  if (bare && MODIFIED_METRIC_HEADS.has(headWord)) return null;
  if (
    kind === 'metric' &&
    !bare &&
    !/^(?:accuracy|precision|recall|f-measure|f-score|f1|perplexity|bleu|rate|rates|score|scores|quality|complexity|measures?|metrics?)$/.test(
      headWord,
    )
  ) {
    return null;
  }
  const start = words[i].start;
  const end = words[j].end;
  const name = sentence.text.slice(start - sentence.start, end - sentence.start);
  return {
    id: conceptId(kind, name),
    kind,
    name,
    rule: 'noun-phrase-head',
    field,
    start,
    end,
    sentence,
    proposes: false,
  };
}

// ---------------------------------------------------------------------------------------------
// Merging

function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  for (const c of candidates) {
    if (c.rule !== 'noun-phrase-head' || c.kind !== 'method') continue;
    const inner = candidates.some(
      (o) =>
        o.field === c.field &&
        o.rule === 'lexicon' &&
        o.kind !== 'method' &&
        o.kind !== 'model' &&
        o.start >= c.start &&
        o.end < c.end,
    );
    if (inner) c.rule = 'task-system';
  }
  const ordered = [...candidates].sort(
    (a, b) =>
      CONCEPT_RULES[a.rule].priority - CONCEPT_RULES[b.rule].priority ||
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start,
  );
  const kept: Candidate[] = [];
  const taken: Record<Field, [number, number, string][]> = { title: [], abstract: [] };
  for (const c of ordered) {
    const spans = taken[c.field];
    const clash = spans.find(([a, b]) => c.start < b && c.end > a);
    if (clash !== undefined) {
      // The same concept seen by two rules on one span: remember the extra rule.
      if (clash[2] === c.id && clash[0] === c.start && clash[1] === c.end) kept.push(c);
      continue;
    }
    spans.push([c.start, c.end, c.id]);
    kept.push(c);
  }
  return kept;
}

const PROPOSE_CONTEXT = /\b(?:our|the proposed|our proposed|the new)\s+$/i;
const COMPARE_CONTEXT =
  /\b(?:compared (?:with|to)|comparison (?:with|to)|than|outperform\w*|surpass\w*|versus|vs\.?|against|over|baselines?(?: such as| including| like)?|competitive with|on par with|unlike|superior to|better than|beats?)\b[^.;]{0,50}$/i;
const USE_CONTEXT =
  /\b(?:us(?:e|es|ed|ing)|appl(?:y|ies|ied|ying)|based on|built on|build on|employ\w*|leverag\w*|adopt\w*|exploit\w*|with|via|through|on|trained (?:on|with)|fine-tun\w*|run\w* on|evaluat\w* on|experiments? on|tested on|initiali[sz]ed (?:from|with)|such as|including)\b[^.;]{0,40}$/i;

function mentionRole(c: Candidate): Role | null {
  if (c.proposes) return 'proposes';
  const before = c.sentence.text.slice(
    Math.max(0, c.start - c.sentence.start - 80),
    c.start - c.sentence.start,
  );
  if (PROPOSE_CONTEXT.test(before) && c.rule !== 'lexicon') return 'proposes';
  if (COMPARE_CONTEXT.test(before)) return 'compares';
  if (USE_CONTEXT.test(before)) return 'uses';
  return null;
}

function buildConcepts(kept: Candidate[], fields: FieldText[]): ExtractedConcept[] {
  const groups = new Map<string, Candidate[]>();
  for (const c of kept) {
    const list = groups.get(c.id) ?? [];
    list.push(c);
    groups.set(c.id, list);
  }
  const concepts: ExtractedConcept[] = [];
  for (const [id, group] of groups) {
    const best = [...group].sort(
      (a, b) => CONCEPT_RULES[b.rule].confidence - CONCEPT_RULES[a.rule].confidence,
    )[0];
    const ruleNames = [...new Set(group.map((c) => c.rule))].sort(
      (a, b) => CONCEPT_RULES[b].confidence - CONCEPT_RULES[a].confidence,
    );
    const definedName = group.find(
      (c) => c.rule === 'acronym-definition' && c.name.length > 0 && /\s/.test(c.name),
    );
    const name = lookupLexicon(best.name).some((e) => e.id === id)
      ? best.name
      : (definedName?.name ?? best.name);
    const mentions = dedupeMentions(group, fields);
    const surfaces = new Set(mentions.map((m) => m.text));
    surfaces.delete(name);
    const aliases = [...surfaces].filter((s) => s.toLowerCase() !== name.toLowerCase());
    const roles = group.map(mentionRole);
    const role = pickRole(best.kind, roles);
    const confidence = Math.min(
      0.99,
      CONCEPT_RULES[best.rule].confidence +
        0.05 * (ruleNames.length - 1) +
        0.02 * (mentions.length - 1),
    );
    concepts.push({
      kind: best.kind,
      role,
      id,
      name,
      aliases,
      confidence: Math.round(confidence * 100) / 100,
      rules: ruleNames,
      mentions,
    });
  }
  concepts.sort((a, b) => firstPosition(a) - firstPosition(b));
  return concepts;
}

function firstPosition(concept: ExtractedConcept): number {
  const m = concept.mentions[0];
  return (m.field === 'title' ? 0 : 1_000_000) + m.start;
}

function pickRole(kind: ConceptKind, roles: (Role | null)[]): Role | null {
  if (roles.includes('proposes')) return 'proposes';
  if (kind === 'task' || kind === 'metric') return null;
  if (roles.includes('uses')) return 'uses';
  if (roles.includes('compares')) {
    return roles.every((r) => r === 'compares') || kind === 'dataset' || kind === 'hardware'
      ? 'compares'
      : 'uses';
  }
  return kind === 'method' || kind === 'model' ? 'uses' : null;
}

function dedupeMentions(group: Candidate[], fields: FieldText[]): Mention[] {
  const seen = new Set<string>();
  const mentions: Mention[] = [];
  const ordered = [...group].sort((a, b) =>
    a.field === b.field ? a.start - b.start : a.field === 'title' ? -1 : 1,
  );
  for (const c of ordered) {
    const key = `${c.field}:${c.start}:${c.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const text = (c.field === 'title' ? fields[0] : fields[1]).text.slice(c.start, c.end);
    mentions.push({ field: c.field, start: c.start, end: c.end, text, sentence: c.sentence.text });
  }
  return mentions;
}
