import { describe, expect, test } from 'vitest';
import {
  DEFAULT_VIEW,
  formatViewState,
  parseViewState,
  sameData,
  type ViewState,
} from '../../ui/src/url-state.ts';

describe('the view in the URL', () => {
  test.each<[string, Partial<ViewState>, string]>([
    ['the start view has a bare URL', {}, ''],
    ['a selected node', { selected: { kind: 'node', id: 'method:adam' } }, '?node=method%3Aadam'],
    [
      "a node's neighbourhood with an expansion and a selected edge",
      {
        base: { kind: 'node', id: 'daily:sophia' },
        expanded: ['method:adam', 'model:gpt-2'],
        selected: { kind: 'edge', id: 'e:1' },
      },
      '?at=daily%3Asophia&expand=method%3Aadam&expand=model%3Agpt-2&edge=e%3A1',
    ],
    [
      'a whoUses answer with filters and a layout',
      {
        base: { kind: 'who', technique: 'Adam' },
        hiddenKinds: ['AUTHOR', 'CLAIM'],
        hiddenLinks: ['CITES'],
        minConfidence: 0.5,
        layout: 'concentric',
      },
      '?who=Adam&hide=AUTHOR%2CCLAIM&hideLinks=CITES&conf=0.5&layout=concentric',
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

  test.each(['?conf=abc', '?layout=spiral', '?expand=', '?'])(
    '%s falls back to the defaults',
    (query) => {
      expect(parseViewState(query)).toEqual(DEFAULT_VIEW);
    },
  );

  test('filters, layout and selection do not need new data; base and expansions do', () => {
    const a = parseViewState('?at=x');
    expect(sameData(a, parseViewState('?at=x&node=y&hide=PAPER&conf=0.3&layout=concentric'))).toBe(
      true,
    );
    expect(sameData(a, parseViewState('?at=x&expand=y'))).toBe(false);
    expect(sameData(a, parseViewState('?who=x'))).toBe(false);
  });
});
