// Contributions named in a sentence: "we propose X", "called X", "a method, X, ...". Each rule is a
// function of the same shape, tried on every word in turn, as compromise's tagger tries its rules.
import type { Field } from '../domain.ts';
import type { Sentence } from './parse-text.ts';
import type { AcronymMap, Candidate } from './concept-candidate.ts';
import { PROPOSER } from './concept-candidate.ts';
import {
  extendPlus,
  isKnown,
  isNameToken,
  nameCandidate,
  namedIn,
  nameRun,
} from './name-candidate.ts';
import { SentenceContext } from './sentence-context.ts';

/** What a contribution rule reads: the sentence and what the paper has said so far. */
interface ContributionContext {
  field: Field;
  sentence: Sentence;
  at: SentenceContext;
  byAcronym: AcronymMap;
  /** The paper's title: a known name it leads with is the paper's own ("Sophia: ..."). */
  title: string;
  /** The sentence's subject is the paper itself: "we", "this paper". */
  hasProposer: boolean;
}

/** A rule: the candidates it finds at word `i` (none when it does not apply there). */
type ContributionRule = (cx: ContributionContext, i: number) => Candidate[];

const PROPOSE_VERB =
  /^(?:propose|proposes|proposed|present|presents|introduce|introduces|develop|develops|design|designs|devise|devises|describe|describes|build|builds|create|creates|release|releases|offer|offers|contribute|contributes)$/;
const NAMING_VERB = /^(?:called|dubbed|termed|named|coined|nicknamed)$/;
const BLOCKERS =
  /^(?:use|uses|using|apply|applying|with|of|for|on|in|into|at|about|across|among|between|within|under|via|through|by|from|than|over|to|extend|extends|extending|combine|combining|improve|improves|analyze|analyse|study|exploring|explore|investigate|investigating|evaluate|evaluating|that|which|where|when|whether|how|if)$/;
const CONTRIBUTION_HEADS =
  /^(?:method|methods|framework|algorithm|algorithms|approach|model|models|optimizer|optimiser|estimator|estimators|technique|architecture|system|network|benchmark|dataset|environment|toolkit|library|scheme|strategy|procedure|variant|tool|platform|suite|score|scores|metric|corpus)$/i;

/** "Lion, a simple and effective optimizer": the name of a contribution, described as one. */
const DESCRIBED =
  /^\+*,\s+(?:a|an)\s+(?:[\w-]+\s+){0,5}?(?:method|framework|algorithm|approach|model|architecture|optimizer|optimiser|estimator|technique|network|benchmark|dataset|corpus|metric|module|loss|strategy|scheme|toolkit|library|platform|suite|environment)s?\b/i;

/**
 * "called WTA-CRS", "termed f-distill", "referred to as Information Meta-Risk Minimization": the
 * name after a naming verb.
 */
function calledCue(cx: ContributionContext, i: number): Candidate[] {
  const { at } = cx;
  const word = at.words[i];
  const next = at.words[i + 1];
  const naming =
    NAMING_VERB.test(word.text) ||
    (word.lower === 'as' && /\breferred to\s+$/i.test(at.before(word)));
  if (!naming || next === undefined || /^entit/i.test(next.text)) return [];
  if (!/^\s["“']?$/.test(at.between(word, next))) return [];
  const run =
    nameRun(at, i + 1) ??
    (/[-\d]/.test(next.text) && /^[a-z]/.test(next.text) ? [i + 1, i + 1] : null);
  if (run === null) return [];
  const start = at.words[run[0]].start;
  const end = extendPlus(at, at.words[run[1]].end);
  const name = at.slice(start, end);
  // "one LLM called GPT": a known name called by its name is referred to, not named anew,
  // unless the paper is its origin and its title names it too.
  const referred = isKnown(name, cx.byAcronym) && !namedIn(cx.title, name);
  const proposes =
    !referred &&
    (cx.hasProposer ||
      /^(?:dubbed|termed|coined|nicknamed|as)$/.test(word.lower) ||
      /\b(?:is|are|method|framework|algorithm|approach|model|estimators?)\s+$/i.test(
        at.before(word),
      ));
  const context = at.before(word, 40);
  return nameCandidate({ ...cx, name, rule: 'called-cue', start, end, context, proposes });
}

/**
 * "we propose Sophia", "we present dataset quantization (DQ)": the first name after a proposing
 * verb whose subject is the paper, before anything that ends the object ("using", ";").
 */
function proposeCue(cx: ContributionContext, i: number): Candidate[] {
  const { at, byAcronym } = cx;
  const words = at.words;
  const word = words[i];
  if (!PROPOSE_VERB.test(word.lower) || !PROPOSER.test(at.before(word))) return [];
  for (let j = i + 1; j < Math.min(words.length, i + 13); j += 1) {
    const w = words[j];
    const gapBefore = at.between(words[j - 1], w);
    if (/[;:.]/.test(gapBefore) && j > i + 1) return [];
    if (BLOCKERS.test(w.lower)) return [];
    const acronym = byAcronym.get(w.text);
    if (acronym?.id === '') return [];
    if (acronym !== undefined && /\(\s*$/.test(gapBefore)) {
      return [proposed(cx, acronym, w.start, w.end)];
    }
    const run = nameRun(at, j);
    if (run !== null) return proposedName(cx, run);
  }
  return [];
}

/** The name run a proposing verb reaches, unless it is someone else's or only a modifier. */
function proposedName(cx: ContributionContext, [first, last]: [number, number]): Candidate[] {
  const { at, byAcronym } = cx;
  const words = at.words;
  // "a stochastic Lanczos quadrature", "a general SVM equivalence": a name that modifies a
  // following noun is not the contribution's name ("the SSO algorithm" still is).
  const following = words[last + 1];
  const modifies =
    following !== undefined &&
    following.pos === 'noun' &&
    /^[a-z]/.test(following.text) &&
    at.between(words[last], following) === ' ';
  // "a novel AL algorithm", "a novel RLVR framework": a known technique naming the kind of
  // the contribution is not the contribution.
  // A name the lexicon knows is someone's existing work ("we propose a SAM framework",
  // "we introduce an additional CTC decoder", "we present Slimmable Networks applied to"),
  // unless the paper is its origin and says so in its title as well (Sophia, WaveNet).
  const start = words[first].start;
  const end = extendPlus(at, words[last].end);
  const name = at.slice(start, end);
  const known = isKnown(name, byAcronym);
  const described = DESCRIBED.test(at.after(words[last]));
  if (known && (modifies || !(namedIn(cx.title, name) || described))) return [];
  if (modifies && !CONTRIBUTION_HEADS.test(following.text)) return [];
  // "dataset quantization (DQ)": the concept of the acronym it defines.
  const after = at.slice(end, end + 12);
  const defined = /^\s\(/.test(after)
    ? byAcronym.get(after.replace(/^\s\(([^)\s]+).*$/, '$1'))
    : undefined;
  if (defined !== undefined) return [proposed(cx, defined, start, end)];
  const context = at.slice(end, end + 60);
  return nameCandidate({ ...cx, name, rule: 'propose-cue', start, end, context, proposes: true });
}

function proposed(
  cx: ContributionContext,
  concept: Pick<Candidate, 'id' | 'kind' | 'name'>,
  start: number,
  end: number,
): Candidate {
  const { field, sentence } = cx;
  return { ...concept, rule: 'propose-cue', field, start, end, sentence, proposes: true };
}

/** "a novel and practical method, FedSpeed, to ...": a name set off after a contribution head. */
function appositiveName(cx: ContributionContext, i: number): Candidate[] {
  const { at } = cx;
  const word = at.words[i];
  const next = at.words[i + 1];
  if (
    !cx.hasProposer ||
    !CONTRIBUTION_HEADS.test(word.text) ||
    next === undefined ||
    isKnown(next.text, cx.byAcronym) ||
    at.between(word, next) !== ', ' ||
    !isNameToken(next)
  ) {
    return [];
  }
  const { start, end } = next;
  const named = { name: next.text, start, end, context: word.text, proposes: true };
  return nameCandidate({ ...cx, ...named, rule: 'appositive-name' });
}

/**
 * Tried in this order on each word. They never both apply to one word: the naming verbs, the
 * proposing verbs and the contribution heads are different words.
 */
const CONTRIBUTION_RULES: ContributionRule[] = [calledCue, proposeCue, appositiveName];

export function findNamedContributions(
  field: Field,
  sentence: Sentence,
  byAcronym: AcronymMap,
  title = '',
): Candidate[] {
  const cx: ContributionContext = {
    field,
    sentence,
    at: new SentenceContext(sentence),
    byAcronym,
    title,
    hasProposer: PROPOSER.test(sentence.text),
  };
  const found: Candidate[] = [];
  for (let i = 0; i < sentence.words.length; i += 1) {
    for (const rule of CONTRIBUTION_RULES) found.push(...rule(cx, i));
  }
  return found;
}
