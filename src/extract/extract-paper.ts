// RawPaper -> Extraction: concepts with roles and evidence, efficiency claims, code URLs.
import type { ExtractedConcept, Extraction, RawPaper } from '../domain.ts';
import { extractClaims } from './extract-claims.ts';
import type { NamedSpan } from './extract-claims.ts';
import { findAcronyms } from './find-acronyms.ts';
import { parseText } from './parse-text.ts';
import type { AcronymMap, Candidate, FieldText } from './concept-candidate.ts';
import { buildConcepts, resolveOverlaps } from './build-concepts.ts';
import { defineAcronym } from './define-acronym.ts';
import { findLexiconMentions } from './find-lexicon-mentions.ts';
import {
  adoptStrongerKinds,
  findDatasetCues,
  findNamePatterns,
  findNamedContributions,
  findTitleName,
  sweepKnownNames,
} from './find-names.ts';
import { findNounPhrases } from './find-noun-phrases.ts';

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
