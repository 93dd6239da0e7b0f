import { describe, expect, test } from 'vitest';
import type { Role } from '../../ui/src/gql/graphql.ts';
import { arrangeMapSlice } from '../../ui/src/graph/arrange-map-slice.ts';
import { mentionSpans } from '../../ui/src/panels/paper-panel.ts';
import { arrangeAnswer } from '../../ui/src/who-uses/arrange-answer.ts';
import type { WhoUsesAnswer } from '../../ui/src/who-uses/who-uses-to-slice.ts';

type AnswerEdge = WhoUsesAnswer['edges'][number];

const paper = (id: string, roles: Role[], variant: AnswerEdge['variant'] = null): AnswerEdge => ({
  relation: 'DIRECT',
  roles,
  confidence: 0.9,
  node: { id, title: id, published: '2023-03-14' },
  through: null,
  variant,
  evidence: [],
});

const lora = {
  id: 'lora',
  kind: 'METHOD' as const,
  name: 'LoRA',
  aliases: [],
  paperCount: 3,
  familyPaperCount: 5,
  papersPerYear: [],
};

const answerOf = (edges: AnswerEdge[]): WhoUsesAnswer => ({
  totalCount: edges.length,
  technique: lora,
  alternatives: [],
  edges,
});

describe('the picture of a whoUses answer', () => {
  test('a name no concept has draws no picture', () => {
    expect(arrangeAnswer({ ...answerOf([]), technique: null })).toBeUndefined();
  });

  test('papers sit on the time axis, the variants they name stack beside the concept', () => {
    const qlora = { id: 'qlora', kind: 'METHOD' as const, name: 'QLoRA', paperCount: 2 };
    const dora = { id: 'dora', kind: 'METHOD' as const, name: 'DoRA', paperCount: 1 };
    const arranged = arrangeAnswer(
      answerOf([
        paper('a', ['USES'], qlora),
        paper('b', ['PROPOSES']),
        paper('c', ['USES'], qlora),
        paper('d', ['COMPARES'], dora),
      ]),
    )!;
    const center = arranged.positions.lora;
    expect(Object.keys(arranged.positions).sort()).toEqual([
      'a',
      'b',
      'c',
      'd',
      'dora',
      'lora',
      'qlora',
    ]);
    expect(arranged.positions.qlora).toEqual({ x: center.x - 60, y: center.y + 90 });
    expect(arranged.positions.dora).toEqual({ x: center.x - 60, y: center.y + 180 });
    expect(arranged.faintEdges).toBe(false);
  });

  test('above 40 papers the links are drawn faint', () => {
    const many = Array.from({ length: 41 }, (_, i) => paper(`p${i}`, ['USES']));
    expect(arrangeAnswer(answerOf(many))?.faintEdges).toBe(true);
    expect(arrangeAnswer(answerOf(many.slice(1)))?.faintEdges).toBe(false);
  });
});

test('the concept map groups its concepts by kind, titled with their counts', () => {
  const node = (id: string, kind: 'METHOD' | 'DATASET', paperCount: number) => ({
    id,
    kind,
    label: id,
    degree: 1,
    paperCount,
  });
  const arranged = arrangeMapSlice(
    {
      nodes: [node('adam', 'METHOD', 9), node('lora', 'METHOD', 4), node('imagenet', 'DATASET', 7)],
      edges: [],
      truncated: false,
    },
    2,
  );
  expect(arranged.axis.map((a) => a.label)).toEqual(['Method · top 2', 'Dataset · top 1']);
  expect(Object.keys(arranged.positions).sort()).toEqual(['adam', 'imagenet', 'lora']);
});

test("a paper's findings are marked where their evidence is, in the title or the abstract", () => {
  const evidence = (field: 'TITLE' | 'ABSTRACT', start: number, text: string) => ({
    field,
    start,
    end: start + text.length,
    text,
    sentence: text,
    rule: 'r',
    confidence: 1,
  });
  const spans = mentionSpans({
    concepts: [
      {
        type: 'PROPOSES',
        role: 'PROPOSES',
        confidence: 0.9,
        concept: { id: 'sophia', name: 'Sophia', kind: 'METHOD' },
        evidence: [evidence('TITLE', 0, 'Sophia'), evidence('ABSTRACT', 10, 'Sophia')],
      },
    ],
    claims: [
      {
        kind: 'SPEEDUP',
        value: 2,
        unit: 'x',
        hardware: null,
        baseline: 'Adam',
        evidence: [evidence('ABSTRACT', 40, '2x faster')],
      },
    ],
  } as unknown as Parameters<typeof mentionSpans>[0]);
  expect(spans).toEqual({
    TITLE: [
      { start: 0, end: 6, text: 'Sophia', kind: 'method', title: 'Sophia (method, proposes)' },
    ],
    ABSTRACT: [
      { start: 10, end: 16, text: 'Sophia', kind: 'method', title: 'Sophia (method, proposes)' },
      { start: 40, end: 49, text: '2x faster', kind: 'claim', title: 'claim: speedup' },
    ],
  });
});
