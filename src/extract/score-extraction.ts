// Precision / recall / F1 of extracted concept mentions against gold spans, exact and overlapping.
import type { ConceptKind, Extraction } from '../domain.ts';

export interface SpanScore {
  type: string;
  gold: number;
  predicted: number;
  exact: PrfScore;
  overlap: PrfScore;
}

export interface PrfScore {
  precision: number;
  recall: number;
  f1: number;
}

interface Span {
  start: number;
  end: number;
  type: string;
}

interface Tally {
  gold: number;
  predicted: number;
  exactHitPred: number;
  exactHitGold: number;
  overlapHitPred: number;
  overlapHitGold: number;
}

/** Which gold type each concept kind counts as; kinds missing here are not scored. */
export type KindMapping = Partial<Record<ConceptKind, string>>;

export const SCIERC_MAPPING: KindMapping = {
  method: 'Method',
  model: 'Method',
  dataset: 'Material',
  task: 'Task',
  metric: 'Metric',
};
export const TDMSCI_MAPPING: KindMapping = { dataset: 'DATASET', task: 'TASK', metric: 'METRIC' };

/** Accumulates scores over documents; spans are compared on token boundaries. */
export function createSpanScorer(mapping: KindMapping) {
  const types = [...new Set(Object.values(mapping))] as string[];
  const tallies = new Map<string, Tally>(
    types.map((t) => [
      t,
      {
        gold: 0,
        predicted: 0,
        exactHitPred: 0,
        exactHitGold: 0,
        overlapHitPred: 0,
        overlapHitGold: 0,
      },
    ]),
  );
  return {
    add(extraction: Extraction, gold: Span[], tokens: { start: number; end: number }[]): void {
      const toTokens = (span: { start: number; end: number }): [number, number] | null => {
        let first = -1;
        let last = -1;
        tokens.forEach((t, i) => {
          if (t.end > span.start && t.start < span.end) {
            if (first === -1) first = i;
            last = i;
          }
        });
        return first === -1 ? null : [first, last];
      };
      const predicted: { type: string; range: [number, number] }[] = [];
      const seen = new Set<string>();
      for (const concept of extraction.concepts) {
        const type = mapping[concept.kind];
        if (type === undefined) continue;
        for (const mention of concept.mentions) {
          if (mention.field !== 'abstract') continue;
          const range = toTokens(mention);
          if (range === null) continue;
          const key = `${type}:${range[0]}:${range[1]}`;
          if (seen.has(key)) continue;
          seen.add(key);
          predicted.push({ type, range });
        }
      }
      const goldRanges = gold
        .filter((g) => tallies.has(g.type))
        .map((g) => ({ type: g.type, range: toTokens(g) }))
        .filter((g): g is { type: string; range: [number, number] } => g.range !== null);
      const overlaps = (a: [number, number], b: [number, number]) => a[0] <= b[1] && b[0] <= a[1];
      const same = (a: [number, number], b: [number, number]) => a[0] === b[0] && a[1] === b[1];
      for (const p of predicted) {
        const tally = tallies.get(p.type)!;
        tally.predicted += 1;
        const sameType = goldRanges.filter((g) => g.type === p.type);
        if (sameType.some((g) => same(g.range, p.range))) tally.exactHitPred += 1;
        if (sameType.some((g) => overlaps(g.range, p.range))) tally.overlapHitPred += 1;
      }
      for (const g of goldRanges) {
        const tally = tallies.get(g.type)!;
        tally.gold += 1;
        const sameType = predicted.filter((p) => p.type === g.type);
        if (sameType.some((p) => same(g.range, p.range))) tally.exactHitGold += 1;
        if (sameType.some((p) => overlaps(g.range, p.range))) tally.overlapHitGold += 1;
      }
    },
    /** Scores per type, then `all` (micro-averaged over the types). */
    scores(): SpanScore[] {
      const total: Tally = {
        gold: 0,
        predicted: 0,
        exactHitPred: 0,
        exactHitGold: 0,
        overlapHitPred: 0,
        overlapHitGold: 0,
      };
      const rows: SpanScore[] = [];
      for (const [type, t] of tallies) {
        rows.push(toScore(type, t));
        for (const key of Object.keys(total) as (keyof Tally)[]) total[key] += t[key];
      }
      rows.push(toScore('all', total));
      return rows;
    },
  };
}

function toScore(type: string, t: Tally): SpanScore {
  return {
    type,
    gold: t.gold,
    predicted: t.predicted,
    exact: prf(t.exactHitPred, t.predicted, t.exactHitGold, t.gold),
    overlap: prf(t.overlapHitPred, t.predicted, t.overlapHitGold, t.gold),
  };
}

function prf(hitPred: number, predicted: number, hitGold: number, gold: number): PrfScore {
  const precision = predicted === 0 ? 0 : hitPred / predicted;
  const recall = gold === 0 ? 0 : hitGold / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
