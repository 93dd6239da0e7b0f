// Driver values -> domain objects. Nothing past src/store/ sees a neo4j Node or Integer.
import {
  CLAIM_KINDS,
  CONCEPT_KINDS,
  type Claim,
  type Concept,
  type Evidence,
  type Field,
  type Mention,
  type Paper,
} from '../domain.ts';
import { toNumber } from './neo4j-values.ts';
import { readValue } from './row.ts';

type Props = Record<string, unknown>;

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const strOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const num = (value: unknown): number => (typeof value === 'number' ? value : toNumber(value));

export function toPaper(props: Props): Paper {
  return { ...toPaperSummary(props), abstract: str(props.abstract) };
}

/** A paper as long lists read it: all but the abstract, which is loaded when a query asks. */
export type PaperSummary = Omit<Paper, 'abstract'>;

/** A Cypher map projection of the summary fields, for `p {${PAPER_SUMMARY_FIELDS}}`. */
export const PAPER_SUMMARY_FIELDS = '.id, .title, .published, .url, .venue, .source, .codeUrls';

export function toPaperSummary(props: Props): PaperSummary {
  return {
    id: str(props.id),
    title: str(props.title),
    published: strOrNull(props.published),
    url: strOrNull(props.url),
    venue: strOrNull(props.venue),
    source: strOrNull(props.source),
    codeUrls: strings(props.codeUrls),
  };
}

export function toConcept(props: Props): Concept {
  return {
    id: str(props.id),
    kind: readValue.oneOf(CONCEPT_KINDS, props.kind, 'concept', 'kind'),
    name: str(props.name),
    aliases: strings(props.aliases),
  };
}

/**
 * Every mention a link records (JSON in `mentions`), each with the link's rule and confidence.
 * The link's own sentence, field, start, end and text repeat its first mention for Cypher
 * readers; a reader may project only `{.rule, .confidence, .mentions}`.
 */
export function toEvidence(props: Props): Evidence[] {
  const rule = str(props.rule);
  const confidence = num(props.confidence);
  let mentions: Mention[];
  try {
    mentions = JSON.parse(str(props.mentions) || '[]') as Mention[];
  } catch {
    mentions = [];
  }
  if (mentions.length === 0 && props.sentence) {
    mentions = [
      {
        field: str(props.field) as Field,
        start: num(props.start),
        end: num(props.end),
        text: str(props.text),
        sentence: str(props.sentence),
      },
    ];
  }
  return mentions.map((mention) => ({ ...mention, rule, confidence }));
}

export function toClaim(props: Props, paperId: string, evidence: Props): Claim {
  return {
    id: str(props.id),
    paperId,
    kind: readValue.oneOf(CLAIM_KINDS, props.kind, 'claim', 'kind'),
    value: str(props.value),
    low: num(props.low),
    high: num(props.high),
    unit: str(props.unit),
    hardware: strOrNull(props.hardware),
    baseline: strOrNull(props.baseline),
    text: str(props.text),
    evidence: toEvidence(evidence),
  };
}
