// Named things beyond the contribution cues of find-named-contributions.ts: the title's "X: ...",
// datasets named by cue words, unknown names by their shape, and later mentions of all of them.
import type { Field } from '../domain.ts';
import { conceptId } from './concept-id.ts';
import { lookupLexicon } from './lexicon.ts';
import type { Sentence } from './parse-text.ts';
import type { AcronymMap, Candidate, ConceptRule, FieldText } from './concept-candidate.ts';
import { escapeRegExp, isNameToken, nameCandidate } from './name-candidate.ts';
import { SentenceContext } from './sentence-context.ts';

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
  return nameCandidate({
    name,
    rule: 'title-name',
    field: 'title',
    sentence: title.sentences[0],
    start: 0,
    end,
    context: title.text.slice(colon, colon + 80),
    byAcronym,
    proposes: true,
  });
}

// Datasets named by cue words: "the Penn Treebank corpus", "on CIFAR-10 and SVHN datasets"

const DATASET_WORD =
  /^(?:dataset|datasets|data-set|benchmark|benchmarks|corpus|corpora|treebank|challenge)$/i;

/** "the English corpus" names a language, not a dataset. */
const LANGUAGES =
  /^(?:English|Chinese|Mandarin|Japanese|Korean|German|French|Spanish|Italian|Portuguese|Dutch|Russian|Arabic|Hindi|Hebrew|Czech|Turkish|Finnish|Swedish|Danish|Greek|Polish|Vietnamese|Thai|Indonesian|Persian|Urdu|Bengali|Tamil|Basque|Catalan|Multilingual|Bilingual|Monolingual)$/;

export function findDatasetCues(field: Field, sentence: Sentence): Candidate[] {
  const found: Candidate[] = [];
  const at = new SentenceContext(sentence);
  const words = sentence.words;
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
          at.between(words[k - 1], words[k]) === ' ' &&
          k - 1 > 0
        ) {
          k -= 1;
        }
        const start = words[k].start;
        const end = w.end;
        const name = at.slice(start, end);
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
        else if (j >= 0 && at.between(words[j], words[j + 1]).trim() === ',') continue;
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
  const at = new SentenceContext(sentence);
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
    const context = at.after(word, 40);
    found.push(
      ...nameCandidate({
        name: t,
        rule: 'name-pattern',
        field,
        sentence,
        start: word.start,
        end,
        context,
        byAcronym,
        proposes: false,
      }),
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
