// RawPaper -> Extraction: concepts with roles and evidence, efficiency claims, code URLs.
import type { ExtractedConcept, Extraction, RawPaper } from '../domain.ts';
import { extractClaims } from './extract-claims.ts';
import type { NamedSpan } from './extract-claims.ts';
import { findAcronyms } from './find-acronyms.ts';
import { parseText } from './parse-text.ts';
import type { AcronymMap, Candidate, FieldText } from './concept-candidate.ts';
import { NO_CONCEPT } from './concept-candidate.ts';
import { buildConcepts, resolveOverlaps } from './build-concepts.ts';
import { defineAcronym } from './define-acronym.ts';
import { roleContextOf } from './decide-role.ts';
import { findLexiconMentions } from './find-lexicon-mentions.ts';
import { senseSupportOf } from './lexicon.ts';
import {
  adoptStrongerKinds,
  findDatasetCues,
  findNamePatterns,
  findTitleName,
  sweepKnownNames,
} from './find-names.ts';
import { findNamedContributions } from './find-named-contributions.ts';
import { isGenericPhrase, isNamedConcept } from './keep-named.ts';

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
  const byAcronym = new Map() as AcronymMap;
  const support = senseSupportOf(`${paper.title ?? ''}\n${paper.abstract ?? ''}`);

  for (const f of fields) {
    for (const sentence of f.sentences) {
      candidates.push(...findLexiconMentions(f.field, sentence, support));
    }
  }
  for (const definition of definitions) {
    const candidate = defineAcronym(definition, candidates);
    if (candidate === null) {
      // A generic phrase's acronym (LLMs) stands for no concept anywhere in the paper.
      if (isGenericPhrase(definition.long)) byAcronym.set(definition.short, NO_CONCEPT);
      continue;
    }
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
  dropOtherSenses(candidates, fields, byAcronym);
  for (const f of fields) {
    for (const sentence of f.sentences) {
      candidates.push(...findNamedContributions(f.field, sentence, byAcronym, paper.title ?? ''));
      candidates.push(...findDatasetCues(f.field, sentence));
      candidates.push(...findNamePatterns(f.field, sentence, byAcronym));
    }
  }
  candidates.push(...findTitleName(fields, byAcronym, candidates));
  sweepKnownNames(fields, candidates, byAcronym);

  adoptStrongerKinds(candidates, fields);
  const kept = resolveOverlaps(candidates).filter((c) => isNamedConcept(c, fields));
  const concepts = buildConcepts(kept, fields, roleContextOf(fields));
  const spans: NamedSpan[] = kept
    .filter((c) => c.field === 'abstract')
    .map((c) => ({
      id: c.id,
      name: conceptName(c, concepts),
      kind: c.kind,
      start: c.start,
      end: c.end,
    }));
  const claims = [
    ...extractClaims('title', fields[0].sentences, []),
    ...extractClaims('abstract', fields[1].sentences, spans),
  ];
  return { id: paper.id, title: paper.title, concepts, claims, codeUrls: findCodeUrls(paper) };
}

/**
 * An acronym the paper defines ("Segment Anything Model (SAM)") means that for the whole paper,
 * title included: lexicon matches of it with another sense are dropped, and the sweep of known
 * names links its every mention to the defined concept.
 */
function dropOtherSenses(candidates: Candidate[], fields: FieldText[], byAcronym: AcronymMap) {
  if (byAcronym.size === 0) return;
  const text = (c: Candidate) =>
    (c.field === 'title' ? fields[0] : fields[1]).text.slice(c.start, c.end);
  for (let i = candidates.length - 1; i >= 0; i -= 1) {
    const c = candidates[i];
    if (c.rule !== 'lexicon') continue;
    const defined = byAcronym.get(text(c).replace(/s$/, '')) ?? byAcronym.get(text(c));
    if (defined !== undefined && defined.id !== c.id) candidates.splice(i, 1);
  }
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
