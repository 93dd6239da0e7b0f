import { describe, expect, test } from 'vitest';
import type { ConceptKind, Role } from '../../ui/src/gql/graphql.ts';
import { whoUsesToSlice, type WhoUsesAnswer } from '../../ui/src/who-uses/who-uses-to-slice.ts';

const evidence = (sentence: string, text: string) => ({
  sentence,
  text,
  field: 'ABSTRACT' as const,
  start: 0,
  end: text.length,
  rule: 'uses-verb',
  confidence: 0.9,
});

type AnswerEdge = WhoUsesAnswer['edges'][number];

const direct = (id: string, roles: Role[], extra: Partial<AnswerEdge> = {}): AnswerEdge => ({
  relation: 'DIRECT',
  roles,
  confidence: 0.9,
  node: { id, title: id, published: null },
  through: null,
  variant: null,
  evidence: [evidence(`${id} names it.`, 'it')],
  ...extra,
});

const answer: WhoUsesAnswer = {
  totalCount: 4,
  technique: {
    id: 'adam',
    kind: 'METHOD',
    name: 'Adam',
    aliases: ['Adam optimizer'],
    paperCount: 12,
    familyPaperCount: 12,
    papersPerYear: [],
  },
  alternatives: [],
  edges: [
    {
      relation: 'DIRECT',
      roles: ['COMPARES'],
      confidence: 0.8,
      node: { id: 'daily:sophia', title: 'Sophia', published: null },
      through: null,
      variant: null,
      evidence: [evidence('Sophia is 2x faster than Adam.', 'Adam')],
    },
    {
      relation: 'DIRECT',
      roles: ['PROPOSES'],
      confidence: 0.95,
      node: {
        id: 'arxiv:1412.6980',
        title: 'Adam: A Method for Stochastic Optimization',
        published: null,
      },
      through: null,
      variant: null,
      evidence: [evidence('We introduce Adam.', 'Adam')],
    },
    {
      relation: 'CITES',
      roles: [],
      confidence: 1,
      node: { id: 'daily:later', title: 'A later paper', published: null },
      through: {
        id: 'arxiv:1412.6980',
        title: 'Adam: A Method for Stochastic Optimization',
        published: null,
      },
      variant: null,
      evidence: [],
    },
  ],
};

const links = (slice: ReturnType<typeof whoUsesToSlice>) =>
  slice.edges.map((e) => `${e.source} -${e.type}${e.role ? `(${e.role})` : ''}-> ${e.target}`);

describe('whoUsesToSlice', () => {
  test('links each answering paper to the technique by role, and citers through the proposer', () => {
    const slice = whoUsesToSlice(answer);
    expect(slice.nodes.map((n) => `${n.kind} ${n.id} ${n.degree}`)).toEqual([
      'METHOD adam 12',
      'PAPER daily:sophia 1',
      'PAPER arxiv:1412.6980 2',
      'PAPER daily:later 1',
    ]);
    expect(slice.edges.map((e) => `${e.source} -${e.type}-> ${e.target} ${e.evidence.length}`))
      .toMatchInlineSnapshot(`
        [
          "daily:sophia -COMPARES-> adam 1",
          "arxiv:1412.6980 -PROPOSES-> adam 1",
          "daily:later -CITES-> arxiv:1412.6980 0",
        ]
      `);
  });

  // The link types are the server's for the kind, so a whoUses view and a neighbourhood agree.
  test.each<[ConceptKind, Role, string]>([
    ['METHOD', 'USES', 'USES'],
    ['METHOD', 'COMPARES', 'COMPARES'],
    ['METHOD', 'BACKGROUND', 'BACKGROUND'],
    ['MODEL', 'USES', 'USES'],
    ['HARDWARE', 'USES', 'USES'],
    ['DATASET', 'USES', 'EVALUATES_ON'],
    ['DATASET', 'COMPARES', 'EVALUATES_ON'],
    ['DATASET', 'PROPOSES', 'PROPOSES'],
    ['DATASET', 'BACKGROUND', 'BACKGROUND'],
    ['TASK', 'USES', 'ADDRESSES'],
    ['METRIC', 'USES', 'MEASURES'],
  ])('a %s answered with role %s is drawn as a %s link, keeping the role', (kind, role, type) => {
    const slice = whoUsesToSlice({
      totalCount: 1,
      technique: { ...answer.technique!, id: 'x', kind },
      alternatives: [],
      edges: [direct('daily:p', [role])],
    });
    expect(slice.nodes[0].kind).toBe(kind);
    expect(links(slice)).toEqual([`daily:p -${type}(${role})-> x`]);
  });

  test('a paper naming a variant links to the variant, and the variant to the family', () => {
    const resnet: WhoUsesAnswer = {
      totalCount: 3,
      technique: {
        id: 'resnet',
        kind: 'MODEL',
        name: 'ResNet',
        aliases: [],
        paperCount: 1,
        familyPaperCount: 3,
        papersPerYear: [],
      },
      alternatives: [],
      edges: [
        direct('daily:a', ['USES'], {
          variant: { id: 'resnet-50', kind: 'MODEL', name: 'ResNet-50', paperCount: 7 },
        }),
        direct('daily:b', ['COMPARES'], {
          variant: { id: 'resnet-50', kind: 'MODEL', name: 'ResNet-50', paperCount: 7 },
        }),
        direct('daily:c', ['USES']),
      ],
    };
    const slice = whoUsesToSlice(resnet);
    expect(slice.nodes.map((n) => `${n.kind} ${n.id} ${n.degree}`)).toEqual([
      'MODEL resnet 3',
      'PAPER daily:a 1',
      'MODEL resnet-50 7',
      'PAPER daily:b 1',
      'PAPER daily:c 1',
    ]);
    expect(links(slice)).toMatchInlineSnapshot(`
      [
        "resnet-50 -VARIANT_OF-> resnet",
        "daily:a -USES(USES)-> resnet-50",
        "daily:b -COMPARES(COMPARES)-> resnet-50",
        "daily:c -USES(USES)-> resnet",
      ]
    `);
    const variantLink = slice.edges[0];
    expect([variantLink.confidence, variantLink.evidence]).toEqual([null, []]);
  });

  test('is truncated when the server has more papers than it sent', () => {
    expect(whoUsesToSlice(answer).truncated).toBe(true);
    expect(whoUsesToSlice({ ...answer, totalCount: 3 }).truncated).toBe(false);
  });

  test('draws the concept alone when no paper has the asked roles towards it', () => {
    const slice = whoUsesToSlice({ ...answer, totalCount: 0, edges: [] });
    expect(slice.nodes.map((n) => n.id)).toEqual(['adam']);
    expect(slice.edges).toEqual([]);
  });

  test('draws nothing when no concept has that name', () => {
    expect(whoUsesToSlice({ ...answer, technique: null, totalCount: 0, edges: [] })).toEqual({
      nodes: [],
      edges: [],
      truncated: false,
    });
  });
});
