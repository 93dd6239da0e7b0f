// A paper's role towards a concept: what each mention's clause says (a cue word, the subject, the
// sentence's place in the abstract), then one role from all mentions by precedence.
import type { ConceptKind, Role } from '../domain.ts';
import type { Candidate, FieldText } from './concept-candidate.ts';
import { lexiconEntryById } from './lexicon.ts';

/** What one mention says; `neutral` when nothing does (a plain "we ... X" or a title). */
export type MentionCue = Role | 'neutral';

/** What the whole paper says about its mentions' roles. */
export interface RoleContext {
  /** A survey or review: what it names is background unless it proposes it. */
  survey: boolean;
  /** Abstract offset of the first sentence speaking of the paper itself ("we", "this paper"). */
  contributionStart: number;
}

const SURVEY =
  /\b(?:this (?:paper|article|work|study|chapter) (?:reviews|surveys|summari[sz]es)|by reviewing|we (?:review|survey|summari[sz]e|categori[sz]e|present an overview)|(?:comprehensive|systematic|extensive) (?:review|survey|overview))\b/i;

export function roleContextOf(fields: FieldText[]): RoleContext {
  const [title, abstract] = fields;
  const first = abstract.sentences.find((s) => OURS.test(s.text));
  return {
    survey:
      /\b(?:survey|review|overview|tutorial)\b/i.test(title.text) || SURVEY.test(abstract.text),
    // An abstract that never speaks of itself has no motivation part to tell apart.
    contributionStart: first?.start ?? 0,
  };
}

const COMPARE_CUE =
  /\b(?:compared (?:with|to|against)|comparison (?:with|to|against)|in comparison (?:with|to)|relative to|than|outperform\w*|surpass\w*|exceed\w*|beat(?:s|ing)?|versus|vs\.?|against|baselines?(?: methods?| models?)?(?: such as| like| including| of)?|competitive with|on par with|superior to|comparable to|competitors?|(?:improv\w*|gains?|speed-?ups?|boost\w*|advantages?)\b[^.;]{0,40}?\bover|(?<![\w.])\d+(?:\.\d+)?\s*(?:\\?%|x|times)(?:\s+\w+){0,2}\s+(?:of|that of))\s/gi;
/** "X as a baseline", "X baselines": the cue follows the name. */
const COMPARE_AFTER =
  /^(?:['’]s)?(?:-based)?\s*(?:\([^)]*\)\s*)?(?:baselines?\b|as (?:a |the |our )?(?:strong )?baselines?\b)/i;
const USE_CUE =
  /\b(?:us(?:e|es|ed|ing)|adopt\w*|employ\w*|leverag\w*|utili[sz]\w*|appl(?:y|ies|ied|ying)|based on|built (?:up)?on|build(?:s|ing)? (?:up)?on|on top of|fine-?tun\w*|(?:pre-?)?train(?:ed|s|ing)? (?:on|with)|initiali[sz]ed (?:from|with)|incorporat\w*|integrat\w*|combin\w*|equipped with|powered by|extend\w*|inspired by|follow\w*|evaluat\w*(?: \w+)? on|experiments? on|tested on|results on|benchmark\w* on|with|via|through|on|from)\s/gi;
/** Cues that the sentence describes others' work, not this paper's. */
const BACKGROUND_CUE =
  /\b(?:existing|prior|pioneering|seminal|well-known|classical|previous(?:ly)?|recent(?:ly)?|traditional(?:ly)?|conventional(?:ly)?|current(?:ly)?|popular|widely|commonly|typically|have (?:been|shown|achieved|demonstrated|become|emerged|gained|made)|has (?:been|shown|achieved|demonstrated|become|emerged|gained|made)|suffer\w*|limitations?|drawbacks?|fail(?:s|ed)? to|however|despite|although|literature|state-of-the-art|remarkable|impressive|emerg\w*|prevalent|dominant|de facto)\b/i;
/** "X is employed to ...": a use stated after the name, in the passive. */
const USE_AFTER =
  /^(?:['’]s)?\s*(?:\([^)]*\)\s*)?(?:is|are|was|were|has been|have been)\s+(?:\w+ly\s+)?(?:employed|used|adopted|utili[sz]ed|applied|leveraged|integrated|incorporated|fine-?tuned|trained|deployed|chosen|selected)\b/i;
/** ", a novel normalization kernel", ", a new benchmark of ...": an apposition introducing it. */
const NEW_THING_AFTER =
  /^,\s+(?:a|an|our)\s+(?:novel|new)\s+(?:[\w-]+\s+){0,3}?(?:method|framework|algorithm|approach|model|architecture|kernel|optimizer|optimiser|estimator|technique|system|network|benchmark|dataset|corpus|metric|module|layer|loss|strategy|scheme|tool|toolkit|library|platform|suite|environment|pipeline|paradigm|objective|regularizer|mechanism)s?\b/i;

/** The sentence speaks of the paper's own work: "we", "our system", "this paper". */
const OURS = /\b(?:we|our|us|this (?:paper|work|study|article|letter|note))\b/i;
/** Words that end the clause a cue governs. */
const CLAUSE_BREAK = /[;:]|\b(?:while|whereas|but|although|though|which|that)\b/gi;

/** How far back a cue still governs a mention, in characters. */
const CUE_REACH = 90;

function lastEnd(pattern: RegExp, text: string): number {
  let end = -1;
  for (const match of text.matchAll(pattern)) end = match.index + match[0].length;
  return end;
}

/** The clause before a mention, from its last break. */
function clauseBefore(c: Candidate): string {
  const before = c.sentence.text.slice(0, c.start - c.sentence.start);
  let from = 0;
  for (const match of before.matchAll(CLAUSE_BREAK)) from = match.index + match[0].length;
  return before.slice(Math.max(from, before.length - CUE_REACH));
}

/** The rest of a mention's clause after it. */
function clauseAfter(after: string): string {
  const end = after.search(/[;:,]|\b(?:while|whereas|but|which|that)\b/i);
  return end < 0 ? after : after.slice(0, end);
}

/** What one mention's clause says of the paper's role towards it. */
export function mentionCue(c: Candidate, context: RoleContext): MentionCue {
  if (c.proposes) return 'proposes';
  const clause = clauseBefore(c);
  const after = c.sentence.text.slice(c.end - c.sentence.start, c.end - c.sentence.start + 60);
  const ours = OURS.test(c.sentence.text);
  // The paper's own, said of a name the lexicon does not know (its BERT-Large is still BERT).
  const unknown = c.rule !== 'lexicon' && lexiconEntryById(c.id) === undefined;
  if (unknown && /\b(?:our|the proposed|our proposed)\s+$/i.test(clause)) return 'proposes';
  // "KWS-DailyTalk, a few-shot KWS dataset presented in this work": introduced here.
  if (
    unknown &&
    /^,\s+(?:a|an|the)\s+[^.,;]{0,60}?\b(?:presented|introduced|proposed|collected|released|created|built|constructed)\s+(?:in|by)\s+(?:this|our)\s+(?:work|paper|study|article)\b/i.test(
      c.sentence.text.slice(c.end - c.sentence.start),
    )
  ) {
    return 'proposes';
  }
  // "FlashNorm, a novel normalization kernel, ...": a name the paper introduces.
  if (unknown && NEW_THING_AFTER.test(after)) return 'proposes';
  // A title's "against" is a threat defended against, not a baseline.
  if (c.field === 'title') return 'neutral';
  const compare = lastEnd(COMPARE_CUE, clause);
  const use = lastEnd(USE_CUE, clause);
  if ((compare >= 0 && compare >= use) || COMPARE_AFTER.test(after)) return 'compares';
  if (context.survey) return 'background';
  // Motivation: what others do, before the paper speaks of itself.
  if (!ours && c.start < context.contributionStart) return 'background';
  // A task the paper's own sentence names is one it addresses ("we improve previous lip reading
  // methods"), whatever it says of others' methods for it.
  if (ours && c.kind === 'task') return 'uses';
  // "Existing deraining Transformers", "previously shown to be alternatives to X"; a cue the
  // mention's own verb follows ("outperforms prior work on SQuAD") speaks of something else.
  const governed = ours ? clause.slice(Math.max(use, compare, 0)) : clause;
  if (BACKGROUND_CUE.test(governed)) return 'background';
  if (use >= 0) return 'uses';
  // "Adam and its variants have been the default for years", "X has been widely used".
  if (BACKGROUND_CUE.test(clauseAfter(after)) && !ours) return 'background';
  if (USE_AFTER.test(after)) return 'uses';
  return 'neutral';
}

/**
 * One role from all mentions: proposes, then uses, then compares, then background. A mention no
 * cue speaks for counts as use, unless every other mention is background.
 */
export function pickRole(kind: ConceptKind, cues: MentionCue[]): Role {
  if (cues.includes('proposes')) return 'proposes';
  if (cues.includes('uses')) return 'uses';
  // A dataset, task or metric a baseline is measured on is one the paper uses too.
  if (cues.includes('compares')) {
    return kind === 'task' || kind === 'metric' || kind === 'dataset' ? 'uses' : 'compares';
  }
  if (cues.includes('neutral')) return 'uses';
  return 'background';
}

/**
 * The cues of a concept's mentions: an acronym in its definition, "fine-tuning (PEFT)", says what
 * its long form says (the long form's own words are no cue for it).
 */
export function mentionCues(group: Candidate[], context: RoleContext): MentionCue[] {
  const cues = group.map((c) => mentionCue(c, context));
  group.forEach((c, i) => {
    const long = group.findIndex(
      (o) =>
        o.field === c.field &&
        o.end <= c.start &&
        /^\s*\(\s*$/.test(
          c.sentence.text.slice(o.end - c.sentence.start, c.start - c.sentence.start),
        ),
    );
    if (long >= 0) cues[i] = cues[long];
  });
  return cues;
}

/** The mention whose cue decided the role, so its evidence comes first. */
export function decidingIndex(role: Role, cues: MentionCue[]): number {
  const exact = cues.indexOf(role);
  if (exact >= 0) return exact;
  const neutral = cues.indexOf('neutral');
  return neutral >= 0 ? neutral : 0;
}
