import { describe, expect, test } from 'vitest';
import { whoUsesToSlice, type WhoUsesAnswer } from '../../ui/src/who-uses-to-slice.ts';

const evidence = (sentence: string, text: string) => ({
  sentence,
  text,
  field: 'ABSTRACT' as const,
  start: 0,
  end: text.length,
  rule: 'uses-verb',
  confidence: 0.9,
});

const answer: WhoUsesAnswer = {
  totalCount: 4,
  technique: {
    id: 'method:adam',
    kind: 'METHOD',
    name: 'Adam',
    aliases: ['Adam optimizer'],
    paperCount: 12,
  },
  edges: [
    {
      relation: 'MENTIONS',
      roles: ['COMPARES'],
      confidence: 0.8,
      node: { id: 'p:sophia', title: 'Sophia' },
      through: null,
      evidence: [evidence('Sophia is 2x faster than Adam.', 'Adam')],
    },
    {
      relation: 'MENTIONS',
      roles: ['PROPOSES'],
      confidence: 0.95,
      node: { id: 'p:adam', title: 'Adam: A Method for Stochastic Optimization' },
      through: null,
      evidence: [evidence('We introduce Adam.', 'Adam')],
    },
    {
      relation: 'CITES',
      roles: [],
      confidence: 1,
      node: { id: 'p:later', title: 'A later paper' },
      through: { id: 'p:adam', title: 'Adam: A Method for Stochastic Optimization' },
      evidence: [],
    },
  ],
};

describe('whoUsesToSlice', () => {
  test('links each answering paper to the technique by role, and citers through the proposer', () => {
    const slice = whoUsesToSlice(answer);
    expect(slice.nodes.map((n) => `${n.kind} ${n.id} ${n.degree}`)).toEqual([
      'METHOD method:adam 12',
      'PAPER p:sophia 1',
      'PAPER p:adam 2',
      'PAPER p:later 1',
    ]);
    expect(slice.edges.map((e) => `${e.source} -${e.type}-> ${e.target} ${e.evidence.length}`))
      .toMatchInlineSnapshot(`
        [
          "p:sophia -COMPARES-> method:adam 1",
          "p:adam -PROPOSES-> method:adam 1",
          "p:later -CITES-> p:adam 0",
        ]
      `);
  });

  test('is truncated when the server has more papers than it sent', () => {
    expect(whoUsesToSlice(answer).truncated).toBe(true);
    expect(whoUsesToSlice({ ...answer, totalCount: 3 }).truncated).toBe(false);
  });

  test('draws nothing when no concept has that name', () => {
    expect(whoUsesToSlice({ ...answer, technique: null, totalCount: 0, edges: [] })).toEqual({
      nodes: [],
      edges: [],
      truncated: false,
    });
  });
});
