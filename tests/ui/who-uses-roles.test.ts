import { describe, expect, test } from 'vitest';
import type { ConceptKind, Role } from '../../ui/src/gql/graphql.ts';
import {
  mergeWhoUsesAnswers,
  normalizeRoles,
  roleLabel,
  whoUsesAsks,
} from '../../ui/src/who-uses/who-uses-roles.ts';
import type { WhoUsesAnswer } from '../../ui/src/who-uses/who-uses-to-slice.ts';

describe('the requests a role filter takes', () => {
  test.each<[string, Role[], (Role[] | undefined)[]]>([
    [
      'the default roles ask without a filter (lineage included)',
      ['PROPOSES', 'USES', 'COMPARES'],
      [undefined],
    ],
    ['in any order', ['COMPARES', 'PROPOSES', 'USES'], [undefined]],
    [
      'background is asked apart',
      ['PROPOSES', 'USES', 'COMPARES', 'BACKGROUND'],
      [undefined, ['BACKGROUND']],
    ],
    ['background alone', ['BACKGROUND'], [['BACKGROUND']]],
    ['some roles ask for those', ['USES', 'PROPOSES'], [['PROPOSES', 'USES']]],
    ['some roles and background', ['COMPARES', 'BACKGROUND'], [['COMPARES'], ['BACKGROUND']]],
    ['no role asks nothing', [], []],
  ])('%s', (_, roles, asks) => {
    expect(whoUsesAsks(roles)).toEqual(asks);
  });
});

describe('normalizeRoles', () => {
  test.each<[string[], Role[]]>([
    [
      ['BACKGROUND', 'USES', 'USES'],
      ['USES', 'BACKGROUND'],
    ],
    [['MENTIONS', 'uses', 'COMPARES'], ['COMPARES']],
    [[], []],
  ])('%j reads %j', (roles, normal) => {
    expect(normalizeRoles(roles)).toEqual(normal);
  });
});

describe('mergeWhoUsesAnswers', () => {
  const technique = {
    id: 'imagenet',
    kind: 'DATASET' as const,
    name: 'ImageNet',
    aliases: [],
    paperCount: 5,
    familyPaperCount: 5,
    papersPerYear: [],
  };
  const paper = (id: string, role: Role): WhoUsesAnswer['edges'][number] => ({
    relation: 'DIRECT',
    roles: [role],
    confidence: 0.9,
    node: { id, title: id, published: null },
    through: null,
    variant: null,
    evidence: [],
  });

  test('adds the counts and lists the papers in request order', () => {
    const merged = mergeWhoUsesAnswers([
      { technique, alternatives: [], totalCount: 5, edges: [paper('daily:a', 'USES')] },
      { technique, alternatives: [], totalCount: 2, edges: [paper('daily:b', 'BACKGROUND')] },
    ]);
    expect(merged.totalCount).toBe(7);
    expect(merged.technique).toBe(technique);
    expect(merged.edges.map((e) => `${e.node.id} ${e.roles.join()}`)).toEqual([
      'daily:a USES',
      'daily:b BACKGROUND',
    ]);
  });

  test('an unknown name stays unknown', () => {
    const none = { technique: null, alternatives: [], totalCount: 0, edges: [] };
    expect(mergeWhoUsesAnswers([none, none])).toEqual(none);
  });
});

describe('roleLabel', () => {
  test.each<[ConceptKind, Role, string]>([
    ['METHOD', 'PROPOSES', 'proposes'],
    ['METHOD', 'USES', 'uses'],
    ['MODEL', 'COMPARES', 'compares with'],
    ['METHOD', 'BACKGROUND', 'background'],
    ['DATASET', 'USES', 'evaluates on'],
    ['DATASET', 'COMPARES', 'compares with'],
    ['TASK', 'USES', 'addresses'],
    ['METRIC', 'USES', 'measures'],
    ['HARDWARE', 'USES', 'uses'],
  ])('for a %s, %s reads %j', (kind, role, label) => {
    expect(roleLabel(kind, role)).toBe(label);
  });
});
