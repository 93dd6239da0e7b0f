import { describe, expect, test } from 'vitest';
import type { LinkType, NodeKind } from '../../ui/src/gql/graphql.ts';
import { NODE_LOOKS } from '../../ui/src/graph/graph-style.ts';
import {
  type GraphSlice,
  mergeSlices,
  nodeSize,
  shortLabel,
  sliceToElements,
} from '../../ui/src/graph/slice-to-elements.ts';

const sentence =
  'Sophia achieves a 2x speed-up compared with Adam in the number of steps, total compute, and wall-clock time.';
const evidence = {
  sentence,
  field: 'ABSTRACT' as const,
  start: 1064,
  end: 1068,
  text: 'Adam',
  rule: 'compared-with',
  confidence: 0.8,
};

const sophia: GraphSlice = {
  truncated: false,
  nodes: [
    {
      id: 'daily:sophia',
      kind: 'PAPER',
      label: 'Sophia: A Scalable Stochastic Second-order Optimizer for Language Model Pre-training',
      degree: 9,
    },
    { id: 'adam', kind: 'METHOD', label: 'Adam', degree: 16 },
    { id: 'gpt-2', kind: 'MODEL', label: 'GPT-2', degree: 0 },
  ],
  edges: [
    {
      id: 'e1',
      source: 'daily:sophia',
      target: 'adam',
      type: 'COMPARES',
      role: 'COMPARES',
      confidence: 0.8,
      evidence: [evidence],
    },
    {
      id: 'e2',
      source: 'daily:sophia',
      target: 'gpt-2',
      type: 'USES',
      role: 'USES',
      confidence: null,
      evidence: [],
    },
  ],
};

describe('sliceToElements', () => {
  test('turns nodes and edges into Cytoscape elements, evidence kept on the edge', () => {
    expect(sliceToElements(sophia)).toMatchInlineSnapshot(`
      [
        {
          "classes": "paper",
          "data": {
            "degree": 9,
            "id": "daily:sophia",
            "kind": "PAPER",
            "label": "Sophia: A Scalable Stochastic Second-order…",
            "paperHeight": 29,
            "paperWidth": 49,
            "size": 39,
            "title": "Sophia: A Scalable Stochastic Second-order Optimizer for Language Model Pre-training",
          },
          "group": "nodes",
        },
        {
          "classes": "method",
          "data": {
            "degree": 16,
            "id": "adam",
            "kind": "METHOD",
            "label": "Adam",
            "size": 46,
            "title": "Adam",
          },
          "group": "nodes",
        },
        {
          "classes": "model",
          "data": {
            "degree": 0,
            "id": "gpt-2",
            "kind": "MODEL",
            "label": "GPT-2",
            "size": 18,
            "title": "GPT-2",
          },
          "group": "nodes",
        },
        {
          "classes": "compares",
          "data": {
            "confidence": 0.8,
            "evidence": [
              {
                "confidence": 0.8,
                "end": 1068,
                "field": "ABSTRACT",
                "rule": "compared-with",
                "sentence": "Sophia achieves a 2x speed-up compared with Adam in the number of steps, total compute, and wall-clock time.",
                "start": 1064,
                "text": "Adam",
              },
            ],
            "id": "e1",
            "role": "COMPARES",
            "source": "daily:sophia",
            "target": "adam",
            "type": "COMPARES",
            "width": 2.3,
          },
          "group": "edges",
        },
        {
          "classes": "uses",
          "data": {
            "confidence": 1,
            "evidence": [],
            "id": "e2",
            "role": "USES",
            "source": "daily:sophia",
            "target": "gpt-2",
            "type": "USES",
            "width": 2.5,
          },
          "group": "edges",
        },
      ]
    `);
  });

  test('a link that came without evidence has none on its element, so opening it fetches it', () => {
    const { evidence: _, ...bare } = sophia.edges[0];
    const [edge] = sliceToElements({ ...sophia, edges: [bare] }).filter((e) => e.group === 'edges');
    expect(edge.data).not.toHaveProperty('evidence');
    expect(sliceToElements(sophia)[3].data.evidence).toEqual([evidence]);
  });

  test('drops edges whose ends are not in the slice and repeated ids, which Cytoscape refuses', () => {
    const slice: GraphSlice = {
      ...sophia,
      nodes: [...sophia.nodes, sophia.nodes[0]],
      edges: [
        ...sophia.edges,
        { ...sophia.edges[0] },
        { ...sophia.edges[1], id: 'dangling', target: 'not-in-slice' },
      ],
    };
    const elements = sliceToElements(slice);
    expect(elements.map((e) => e.data.id)).toEqual(['daily:sophia', 'adam', 'gpt-2', 'e1', 'e2']);
  });

  test('puts every node before any edge, whatever the slice order', () => {
    const groups = sliceToElements({ ...sophia, nodes: [...sophia.nodes].reverse() }).map(
      (e) => e.group,
    );
    expect(groups).toEqual(['nodes', 'nodes', 'nodes', 'edges', 'edges']);
  });

  test('an empty slice gives no elements', () => {
    expect(sliceToElements({ nodes: [], edges: [], truncated: true })).toEqual([]);
  });

  test('draws less confident links thinner, and link types at their own widths', () => {
    const width = (type: 'PROPOSES' | 'USES', confidence: number | null) =>
      sliceToElements({
        ...sophia,
        edges: [{ ...sophia.edges[0], type, confidence }],
      })[3].data.width;
    expect(width('USES', 0.2)).toBeLessThan(width('USES', 0.9));
    expect(width('PROPOSES', 0.9)).toBeGreaterThan(width('USES', 0.9));
  });

  test.each<[LinkType, string, number]>([
    ['BACKGROUND', 'background', 1],
    ['AGAINST', 'against', 1.5],
    ['VARIANT_OF', 'variant_of', 2],
  ])('a %s link is drawn with the class %s at %d px', (type, classes, width) => {
    const [edge] = sliceToElements({
      ...sophia,
      edges: [{ ...sophia.edges[0], type, confidence: null }],
    }).filter((e) => e.group === 'edges');
    expect(edge.classes).toBe(classes);
    expect(edge.data.width).toBe(width);
  });

  test.each<[NodeKind, string]>([
    ['MODEL', NODE_LOOKS.MODEL.color],
    ['METHOD', NODE_LOOKS.METHOD.color],
  ])("a variant's link to a %s family is drawn in the family's colour", (kind, color) => {
    const slice: GraphSlice = {
      truncated: false,
      nodes: [
        { id: 'resnet-50', kind: 'MODEL', label: 'ResNet-50', degree: 4 },
        { id: 'resnet', kind, label: 'ResNet', degree: 0 },
      ],
      edges: [
        {
          id: 'resnet-50|VARIANT_OF|resnet',
          source: 'resnet-50',
          target: 'resnet',
          type: 'VARIANT_OF',
          role: null,
          confidence: null,
        },
      ],
    };
    expect(sliceToElements(slice)[2].data.lineColor).toBe(color);
  });

  test('links of other types take their colour from the style table, not from their target', () => {
    for (const element of sliceToElements(sophia))
      expect(element.data).not.toHaveProperty('lineColor');
  });

  test('handles the 3,000 elements of a large neighbourhood in well under a frame budget', () => {
    const nodes = Array.from({ length: 1000 }, (_, i) => ({
      id: `n${i}`,
      kind: 'METHOD' as const,
      label: `Concept ${i}`,
      degree: i % 50,
    }));
    const edges = Array.from({ length: 2000 }, (_, i) => ({
      ...sophia.edges[0],
      id: `e${i}`,
      source: `n${i % 1000}`,
      target: `n${(i * 7 + 1) % 1000}`,
    }));
    const started = performance.now();
    const elements = sliceToElements({ nodes, edges, truncated: false });
    expect(elements).toHaveLength(3000);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('nodeSize', () => {
  test.each([
    [0, 18],
    [1, 25],
    [4, 32],
    [25, 53],
    [100, 84],
    [10_000, 84],
    [-3, 18],
  ])('degree %i draws %i px wide', (degree, size) => {
    expect(nodeSize(degree)).toBe(size);
  });
});

describe('shortLabel', () => {
  test.each([
    ['Adam', 'Adam'],
    ['  LoRA \n adapters ', 'LoRA adapters'],
    [
      'Sophia: A Scalable Stochastic Second-order Optimizer for Language Model Pre-training',
      'Sophia: A Scalable Stochastic Second-order…',
    ],
    ['x'.repeat(60), `${'x'.repeat(47)}…`],
  ])('%j reads %j', (label, short) => {
    expect(shortLabel(label)).toBe(short);
  });
});

describe('mergeSlices', () => {
  test('adds only new nodes and edges, and stays truncated once either was', () => {
    const other: GraphSlice = {
      truncated: true,
      nodes: [sophia.nodes[1], { id: 'sgd', kind: 'METHOD', label: 'SGD', degree: 3 }],
      edges: [sophia.edges[0]],
    };
    const merged = mergeSlices(sophia, other);
    expect(merged.nodes.map((n) => n.id)).toEqual(['daily:sophia', 'adam', 'gpt-2', 'sgd']);
    expect(merged.edges.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(merged.truncated).toBe(true);
  });
});
