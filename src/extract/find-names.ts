// Named things: contributions ("we propose X", "called X", "method, X,", the title's "X: ..."),
// datasets named by cue words, unknown names by their shape, and later mentions of all of them.
import type { ConceptKind, Field } from '../domain.ts';
import { conceptId } from './concept-id.ts';
import { isAmbiguousForm, lexiconEntryById, lookupLexicon, matchLexicon } from './lexicon.ts';
import type { Sentence, Word } from './parse-text.ts';
import type { AcronymMap, Candidate, ConceptRule, FieldText } from './concept-candidate.ts';
import { PROPOSER } from './concept-candidate.ts';

/** A word that reads as a name: CamelCase, capitals after the first letter, letters with digits. */
export function isNameToken(word: Word): boolean {
  const t = word.text;
  if (word.pos === 'adj' && /-/.test(t)) return false;
  if (!/^[A-Za-z]/.test(t) || t.length < 2) return false;
  if (/[a-z][A-Z]/.test(t)) return true; // AdamP, diffGrad, FedSpeed
  if (/^[A-Z]{2,}[a-z]{2,}$/.test(t)) return true; // CDALBench, MLPerf
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
const BLOCKERS =
  /^(?:use|uses|using|apply|applying|with|of|for|on|in|into|at|about|across|among|between|within|under|via|through|by|from|than|over|to|extend|extends|extending|combine|combining|improve|improves|analyze|analyse|study|exploring|explore|investigate|investigating|evaluate|evaluating|that|which|where|when|whether|how|if)$/;
const CONTRIBUTION_HEADS =
  /^(?:method|methods|framework|algorithm|algorithms|approach|model|models|optimizer|optimiser|estimator|estimators|technique|architecture|system|network|benchmark|dataset|environment|toolkit|library|scheme|strategy|procedure|variant|tool|platform|suite|score|scores|metric|corpus)$/i;

function kindForName(name: string, context: string): ConceptKind {
  const known = matchLexicon(name, true);
  if (known !== null) return known.kind;
  // "X, the first active learning benchmark", "X, a new metric for ...": the apposed head.
  const apposed =
    /^\s*(?:[,:(]|\s-)\s*(?:(?:which is|is)\s+)?(?:(?:a|an|the|as a)\s+)?(?:[\w-]+\s+){0,5}?(benchmarks?|datasets?|corpus|corpora|suite|metric|score|measure)\b/i
      .exec(context)?.[1]
      ?.toLowerCase();
  if (apposed !== undefined && /^(?:benchmark|dataset|corpus|corpora|suite)/.test(apposed))
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
  byAcronym: AcronymMap,
  proposes: boolean,
): Candidate[] {
  const defined = byAcronym.get(name) ?? byAcronym.get(name.replace(/s$/, ''));
  if (defined !== undefined) {
    return defined.id === '' ? [] : [{ ...defined, rule, field, start, end, sentence, proposes }];
  }
  // An ambiguous acronym the paper does not define: its lexicon match, when the paper supports a
  // sense, speaks for it; a node of its own would mix the senses.
  if (isAmbiguousForm(name)) return [];
  const known = matchLexicon(name, true);
  const kind = known?.kind ?? kindForName(name, context);
  return [
    {
      id: known?.id ?? conceptId(name),
      kind,
      name: known?.name ?? name,
      rule,
      field,
      start,
      end,
      sentence,
      proposes,
    },
  ];
}

/** "Lion, a simple and effective optimizer": the name of a contribution, described as one. */
const DESCRIBED =
  /^\+*,\s+(?:a|an)\s+(?:[\w-]+\s+){0,5}?(?:method|framework|algorithm|approach|model|architecture|optimizer|optimiser|estimator|technique|network|benchmark|dataset|corpus|metric|module|loss|strategy|scheme|toolkit|library|platform|suite|environment)s?\b/i;

/** A name the lexicon knows, directly or as an acronym the paper defined for a lexicon concept. */
function isKnown(name: string, byAcronym: AcronymMap): boolean {
  const defined = byAcronym.get(name);
  return (
    lookupLexicon(name).length > 0 ||
    (defined !== undefined && lexiconEntryById(defined.id) !== undefined)
  );
}

/** The title leads with it as its name: "Sophia: A Scalable ...", "UNet++: A Nested ...". */
function namedIn(title: string, name: string): boolean {
  return new RegExp(`^${escapeRegExp(name)}\\s*(?::|\\()`).test(title);
}

/** "UNet++", "DeepLabv3+": the plus signs belong to the name. */
function extendPlus(text: string, offset: number, end: number): number {
  let at = end;
  while (text[at - offset] === '+') at += 1;
  return at;
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

export function findNamedContributions(
  field: Field,
  sentence: Sentence,
  byAcronym: AcronymMap,
  title = '',
): Candidate[] {
  const found: Candidate[] = [];
  const words = sentence.words;
  const text = sentence.text;
  const offset = sentence.start;
  const hasProposer = PROPOSER.test(text);
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i];
    // "called WTA-CRS", "termed f-distill"
    // "called WTA-CRS", "referred to as Information Meta-Risk Minimization"
    const naming =
      NAMING_VERB.test(word.text) ||
      (word.lower === 'as' && /\breferred to\s+$/i.test(text.slice(0, word.start - offset)));
    if (naming && i + 1 < words.length && !/^entit/i.test(words[i + 1].text)) {
      const next = words[i + 1];
      const gap = text.slice(word.end - offset, next.start - offset);
      if (!/^\s["“']?$/.test(gap)) continue;
      const run =
        nameRun(words, i + 1, text, offset) ??
        (/[-\d]/.test(next.text) && /^[a-z]/.test(next.text) ? [i + 1, i + 1] : null);
      if (run === null) continue;
      const start = words[run[0]].start;
      const end = extendPlus(text, offset, words[run[1]].end);
      const name = text.slice(start - offset, end - offset);
      // "one LLM called GPT": a known name called by its name is referred to, not named anew,
      // unless the paper is its origin and its title names it too.
      const referred = isKnown(name, byAcronym) && !namedIn(title, name);
      found.push(
        ...nameCandidate(
          name,
          'called-cue',
          field,
          sentence,
          start,
          end,
          text.slice(Math.max(0, word.start - offset - 40), word.start - offset),
          byAcronym,
          !referred &&
            (hasProposer ||
              /^(?:dubbed|termed|coined|nicknamed|as)$/.test(word.lower) ||
              /\b(?:is|are|method|framework|algorithm|approach|model|estimators?)\s+$/i.test(
                text.slice(0, word.start - offset),
              )),
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
        if (acronym?.id === '') break;
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
        if (run === null) continue;
        // "a stochastic Lanczos quadrature", "a general SVM equivalence": a name that modifies a
        // following noun is not the contribution's name ("the SSO algorithm" still is).
        const following = words[run[1] + 1];
        const modifies =
          following !== undefined &&
          following.pos === 'noun' &&
          /^[a-z]/.test(following.text) &&
          text.slice(words[run[1]].end - offset, following.start - offset) === ' ';
        // "a novel AL algorithm", "a novel RLVR framework": a known technique naming the kind of
        // the contribution is not the contribution.
        // A name the lexicon knows is someone's existing work ("we propose a SAM framework",
        // "we introduce an additional CTC decoder", "we present Slimmable Networks applied to"),
        // unless the paper is its origin and says so in its title as well (Sophia, WaveNet).
        const runText = text.slice(
          words[run[0]].start - offset,
          extendPlus(text, offset, words[run[1]].end) - offset,
        );
        const known = isKnown(runText, byAcronym);
        const described = DESCRIBED.test(text.slice(words[run[1]].end - offset));
        if (known && (modifies || !(namedIn(title, runText) || described))) break;
        if (modifies && !CONTRIBUTION_HEADS.test(following.text)) break;
        const start = words[run[0]].start;
        const end = extendPlus(text, offset, words[run[1]].end);
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
          const context = text.slice(end - offset, end - offset + 60);
          found.push(
            ...nameCandidate(
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
      !isKnown(words[i + 1].text, byAcronym) &&
      i + 1 < words.length &&
      text.slice(word.end - offset, words[i + 1].start - offset) === ', ' &&
      isNameToken(words[i + 1])
    ) {
      const next = words[i + 1];
      found.push(
        ...nameCandidate(
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

const REVIEW =
  /^(?:an?\s+)?(?:(?:comprehensive|systematic|empirical|critical|brief|short|large-scale)\s+)*(?:review|survey|overview|study|analysis|evaluation|assessment|comparison|investigation|exploration|benchmark|tutorial|primer|perspective)\b|^(?:evaluating|assessing|benchmarking|exploring|understanding|analy[sz]ing|revisiting|lessons)\b/i;

/** The title's lead name, "Sophia: A Scalable ...", when the abstract confirms it is a name. */
export function findTitleName(
  fields: FieldText[],
  byAcronym: AcronymMap,
  candidates: Candidate[],
): Candidate[] {
  const title = fields[0];
  const colon = title.text.indexOf(': ');
  if (colon <= 0 || colon > 60) return [];
  // "Fréchet Radiomic Distance (FRD): ...": the name without its acronym.
  const lead = title.text.slice(0, colon).trim();
  const paren = lead.search(/\s*\([^()]*\)$/);
  const name = paren > 0 ? lead.slice(0, paren) : lead;
  const end = paren > 0 ? paren : colon;
  const words = name.split(/\s+/);
  // "The Multi-Agent Programming Contest: ...", "A Survey: ..." describe, they do not name.
  if (/^(?:The|A|An|On|Towards?|Why|How|What|When|Is|Are|Do|Does|Can)$/.test(words[0])) return [];
  if (words.length > 4 || title.sentences.length === 0) return [];
  const abstract = fields[1].text;
  const single = words.length === 1 && /^[A-Za-z][\w&+.-]*$/.test(name);
  const nameLike = single && (/[a-z][A-Z]|[A-Z]{2}|\d/.test(name) || abstract.includes(name));
  const repeated = words.length > 1 && abstract.includes(name);
  const defined = [...byAcronym.values()].some((d) => d.name.toLowerCase() === name.toLowerCase());
  if (!nameLike && !repeated && !defined) return [];
  // A title that leads with a concept the lexicon knows as someone else's work names a topic.
  const known = candidates.find(
    (c) => c.field === 'title' && c.start === 0 && c.end === end && c.rule === 'lexicon',
  );
  if (known !== undefined && !nameLike) return [];
  // "Gpt-4: A Review ...", "BERT: An Empirical Study": a known name leading a review is its topic.
  if (lookupLexicon(name).length > 0 && REVIEW.test(title.text.slice(colon + 2))) return [];
  const sentence = title.sentences[0];
  const context = title.text.slice(colon, colon + 80);
  return nameCandidate(name, 'title-name', 'title', sentence, 0, end, context, byAcronym, true);
}

// Datasets named by cue words: "the Penn Treebank corpus", "on CIFAR-10 and SVHN datasets"

const DATASET_WORD =
  /^(?:dataset|datasets|data-set|benchmark|benchmarks|corpus|corpora|treebank|challenge)$/i;

/** "the English corpus" names a language, not a dataset. */
const LANGUAGES =
  /^(?:English|Chinese|Mandarin|Japanese|Korean|German|French|Spanish|Italian|Portuguese|Dutch|Russian|Arabic|Hindi|Hebrew|Czech|Turkish|Finnish|Swedish|Danish|Greek|Polish|Vietnamese|Thai|Indonesian|Persian|Urdu|Bengali|Tamil|Basque|Catalan|Multilingual|Bilingual|Monolingual)$/;

export function findDatasetCues(field: Field, sentence: Sentence): Candidate[] {
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
        if (
          !/^(?:The|A|An|Our|This|These|In|On|We)$/.test(words[k].text) &&
          !(k === j && LANGUAGES.test(name))
        ) {
          found.push({
            id: conceptId(name),
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

export function findNamePatterns(
  field: Field,
  sentence: Sentence,
  byAcronym: AcronymMap,
): Candidate[] {
  const found: Candidate[] = [];
  for (const word of sentence.words) {
    // "dMoE's role": the possessive is not part of the name.
    const t = word.text.replace(/['’]s$/, '');
    const end = word.start + t.length;
    if (
      NOT_NAMES.has(t) ||
      byAcronym.has(t) ||
      byAcronym.has(t.replace(/s$/, '')) ||
      /[/[\]{}:^_\\]/.test(t) ||
      word.pos === 'adj'
    )
      continue;
    // Mixed case or letters with digits; plain all-capital acronyms are too often generic (LLM, SOTA).
    const camel = /[a-z][A-Z]/.test(t) && /^[A-Za-z]/.test(t);
    const versioned =
      /^[A-Za-z][A-Za-z]+-?\d[\w.-]*$/.test(t) && /[A-Z]/.test(t) && !/^[A-Z][a-z]+\d+$/.test(t);
    // "KWS-DailyTalk", "CIFAR-Hard": an acronym and a capitalised word joined by a hyphen.
    const joined = /^[A-Z]{2,}[A-Za-z0-9]*-[A-Z][A-Za-z0-9-]*[a-z][A-Za-z0-9-]*$/.test(t);
    if (!camel && !versioned && !joined) continue;
    if (/^[a-z]+[A-Z][a-z]+$/.test(t) && t.length < 6) continue;
    const context = sentence.text.slice(word.end - sentence.start, word.end - sentence.start + 40);
    found.push(
      ...nameCandidate(
        t,
        'name-pattern',
        field,
        sentence,
        word.start,
        end,
        context,
        byAcronym,
        false,
      ),
    );
  }
  return found;
}

/** Later mentions of names found once: "DGC employs ...", "Sophia achieves ...". */
export function sweepKnownNames(
  fields: FieldText[],
  candidates: Candidate[],
  byAcronym: AcronymMap,
): void {
  const forms = new Map<string, Candidate>();
  for (const c of candidates) {
    if (c.rule === 'lexicon') continue;
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
export function adoptStrongerKinds(candidates: Candidate[], fields: FieldText[]): void {
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
    if (c.rule === 'lexicon' || c.rule === 'acronym-definition') continue;
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
