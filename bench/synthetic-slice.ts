// Synthetic graph slices for the explorer's benchmark and browser tests: paper-concept
// neighbourhoods of a chosen size, with no database behind them.
import type { GraphSlice } from '../ui/src/graph/slice-to-elements.ts';
import { seededRandom } from './synthetic-corpus.ts';

const CONCEPT_KINDS = ['METHOD', 'MODEL', 'DATASET', 'TASK', 'METRIC', 'HARDWARE'] as const;
const LINKS = [
  'USES',
  'USES',
  'USES',
  'COMPARES',
  'EVALUATES_ON',
  'ADDRESSES',
  'PROPOSES',
] as const;

/**
 * A paper-concept neighbourhood of about `elements` nodes plus edges (one node per two edges),
 * shaped like the real graph: papers link to concepts, a few concepts are hubs (skewed picks),
 * and every edge carries an evidence sentence.
 */
export function syntheticSlice(elements: number, seed: number): GraphSlice {
  const next = seededRandom(seed);
  const nodeCount = Math.round(elements / 3);
  const edgeCount = elements - nodeCount;
  const papers = Math.round(nodeCount * 0.45);
  const nodes: GraphSlice['nodes'] = [];
  for (let i = 0; i < papers; i++) {
    nodes.push({ id: `p${i}`, kind: 'PAPER', label: `A Synthetic Paper on Topic ${i}`, degree: 0 });
  }
  for (let i = papers; i < nodeCount; i++) {
    const kind = CONCEPT_KINDS[Math.floor(next() * CONCEPT_KINDS.length)];
    nodes.push({ id: `c${i}`, kind, label: `${kind.toLowerCase()} ${i}`, degree: 0 });
  }
  const edges: GraphSlice['edges'] = [];
  const seen = new Set<string>();
  while (edges.length < edgeCount) {
    const paper = Math.floor(next() * papers);
    // Squaring skews the picks towards the first concepts: hubs, as in real neighbourhoods.
    const concept = papers + Math.floor(next() ** 2 * (nodeCount - papers));
    const type = LINKS[Math.floor(next() * LINKS.length)];
    const id = `p${paper}|${type}|c${concept}`;
    if (seen.has(id)) continue;
    seen.add(id);
    nodes[paper].degree++;
    nodes[concept].degree++;
    const text = nodes[concept].label;
    const sentence = `We evaluate our approach against ${text} on several benchmarks and report consistent gains.`;
    edges.push({
      id,
      source: `p${paper}`,
      target: `c${concept}`,
      type,
      role: type === 'USES' || type === 'COMPARES' || type === 'PROPOSES' ? type : null,
      confidence: Math.round((0.5 + next() * 0.5) * 100) / 100,
      evidence: [
        {
          sentence,
          field: 'ABSTRACT',
          start: 34,
          end: 34 + text.length,
          text,
          rule: 'synthetic',
          confidence: 0.8,
        },
      ],
    });
  }
  return { nodes, edges, truncated: false };
}
