import { describe, expect, test } from 'vitest';
import { formatViewState, parseViewState } from '../../ui/src/view/url-state.ts';
import { DEFAULT_VIEW, sameData, type ViewState } from '../../ui/src/view/view-state.ts';

describe('the view in the URL', () => {
  test.each<[string, Partial<ViewState>, string]>([
    ['the start view has a bare URL', {}, ''],
    ['a selected node', { selected: { kind: 'node', id: 'resnet-50' } }, '?node=resnet-50'],
    [
      "a node's neighbourhood with an expansion and a selected edge",
      {
        base: { kind: 'node', id: 'daily:sophia' },
        expanded: ['adam', 'gpt-2'],
        selected: { kind: 'edge', id: 'daily:sophia|USES|adam' },
      },
      '?at=daily%3Asophia&expand=adam&expand=gpt-2&edge=daily%3Asophia%7CUSES%7Cadam',
    ],
    [
      'a whoUses answer with filters and a layout',
      {
        base: { kind: 'who', technique: 'Adam', roles: ['PROPOSES', 'USES', 'COMPARES'] },
        hiddenKinds: ['AUTHOR', 'CLAIM'],
        hiddenLinks: ['CITES'],
        minConfidence: 0.5,
        layout: 'concentric',
      },
      '?who=Adam&hide=AUTHOR%2CCLAIM&hideLinks=CITES&conf=0.5&layout=concentric',
    ],
    [
      'a whoUses answer with background',
      {
        base: {
          kind: 'who',
          technique: 'ImageNet',
          roles: ['PROPOSES', 'USES', 'COMPARES', 'BACKGROUND'],
        },
      },
      '?who=ImageNet&roles=PROPOSES%2CUSES%2CCOMPARES%2CBACKGROUND',
    ],
    [
      'a whoUses answer for one role',
      { base: { kind: 'who', technique: 'SAM', roles: ['PROPOSES'] } },
      '?who=SAM&roles=PROPOSES',
    ],
    [
      'the map of one collection over a range of years',
      { scope: { collection: 'arxiv-cs.jsonl', from: '2019', to: '2021' } },
      '?collection=arxiv-cs.jsonl&from=2019&to=2021',
    ],
  ])('%s round-trips', (_, patch, query) => {
    const state = { ...DEFAULT_VIEW, ...patch };
    expect(formatViewState(state)).toBe(query);
    expect(parseViewState(query)).toEqual(state);
  });

  test.each([
    ['unknown kinds and link types are ignored', '?hide=PAPER,ROBOT&hideLinks=USES,LIKES'],
    ['confidence is clamped to 0..1', '?conf=7&hide=PAPER&hideLinks=USES'],
  ])('%s', (_, query) => {
    const state = parseViewState(query);
    expect(state.hiddenKinds).toEqual(['PAPER']);
    expect(state.hiddenLinks).toEqual(['USES']);
    expect(state.minConfidence).toBeLessThanOrEqual(1);
  });

  test.each(['?conf=abc', '?layout=spiral', '?expand=', '?', '?from=19&to=twenty&collection='])(
    '%s falls back to the defaults',
    (query) => {
      expect(parseViewState(query)).toEqual(DEFAULT_VIEW);
    },
  );

  test.each(['?who=Adam', '?who=Adam&roles=MENTIONS', '?who=Adam&roles='])(
    '%s asks for the default roles (all but background)',
    (query) => {
      expect(parseViewState(query).base).toEqual({
        kind: 'who',
        technique: 'Adam',
        roles: ['PROPOSES', 'USES', 'COMPARES'],
      });
    },
  );

  test('roles are read in one order, so the same question is the same data', () => {
    const a = parseViewState('?who=Adam&roles=BACKGROUND,USES');
    expect(a.base).toMatchObject({ roles: ['USES', 'BACKGROUND'] });
    expect(sameData(a, parseViewState('?who=Adam&roles=USES,BACKGROUND'))).toBe(true);
    expect(sameData(a, parseViewState('?who=Adam&roles=USES'))).toBe(false);
  });

  test('filters, layout and selection do not need new data; base and expansions do', () => {
    const a = parseViewState('?at=x');
    expect(sameData(a, parseViewState('?at=x&node=y&hide=PAPER&conf=0.3&layout=concentric'))).toBe(
      true,
    );
    expect(sameData(a, parseViewState('?at=x&expand=y'))).toBe(false);
    expect(sameData(a, parseViewState('?who=x'))).toBe(false);
    expect(sameData(a, parseViewState('?at=x&from=2020'))).toBe(false);
    expect(sameData(a, parseViewState('?at=x&collection=seed'))).toBe(false);
  });
});
