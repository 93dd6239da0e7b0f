import { describe, expect, test } from 'vitest';
import { nextView, type ViewAction } from '../../ui/src/view/next-view.ts';
import { noticeText } from '../../ui/src/view/notice-text.ts';
import { layoutRoot, planDraw } from '../../ui/src/view/plan-draw.ts';
import { formatViewState, parseViewState } from '../../ui/src/view/url-state.ts';

// Views are written as their URLs: what a reader would see in the address bar before and after.
describe('nextView', () => {
  test.each<{ name: string; from: string; action: ViewAction; to: string }>([
    {
      name: 'a tap selects a node and keeps the rest',
      from: '?at=adam&hide=CLAIM',
      action: { type: 'select', target: { kind: 'node', id: 'daily:sophia' } },
      to: '?at=adam&node=daily%3Asophia&hide=CLAIM',
    },
    {
      name: 'a tap on a link selects it',
      from: '?at=adam',
      action: { type: 'select', target: { kind: 'edge', id: 'daily:sophia|USES|adam' } },
      to: '?at=adam&edge=daily%3Asophia%7CUSES%7Cadam',
    },
    {
      name: 'closing a panel clears the selection',
      from: '?at=adam&node=adam',
      action: { type: 'deselect' },
      to: '?at=adam',
    },
    {
      name: 'opening a drawn node only selects it',
      from: '?at=adam',
      action: { type: 'open', id: 'daily:sophia', drawn: true },
      to: '?at=adam&node=daily%3Asophia',
    },
    {
      name: 'opening a node not drawn draws its neighbourhood',
      from: '?at=adam&expand=gpt-2&conf=0.5',
      action: { type: 'open', id: 'lora', drawn: false },
      to: '?at=lora&node=lora&conf=0.5',
    },
    {
      name: 'a search hit draws its neighbourhood even when the node is drawn',
      from: '?at=adam&expand=lora',
      action: { type: 'focus', id: 'lora' },
      to: '?at=lora&node=lora',
    },
    {
      name: 'expanding adds a neighbourhood and selects its node',
      from: '?at=adam&expand=gpt-2',
      action: { type: 'expand', id: 'lora' },
      to: '?at=adam&expand=gpt-2&expand=lora&node=lora',
    },
    {
      name: 'expanding a node already expanded only selects it',
      from: '?at=adam&expand=gpt-2',
      action: { type: 'expand', id: 'gpt-2' },
      to: '?at=adam&expand=gpt-2&node=gpt-2',
    },
    {
      name: 'expanding the node the view is about only selects it',
      from: '?at=adam',
      action: { type: 'expand', id: 'adam' },
      to: '?at=adam&node=adam',
    },
    {
      name: 'a concept double-clicked on the concept map opens its papers in a view of its own',
      from: '?collection=seed',
      action: { type: 'expand', id: 'adam' },
      to: '?at=adam&node=adam&collection=seed',
    },
    {
      name: 'expanding on a concept map already grown adds to it',
      from: '?expand=adam',
      action: { type: 'expand', id: 'lora' },
      to: '?expand=adam&expand=lora&node=lora',
    },
    {
      name: 'a question starts a fresh answer with the default roles',
      from: '?at=adam&expand=lora&node=lora&layout=concentric',
      action: { type: 'ask', technique: 'ImageNet' },
      to: '?who=ImageNet&layout=concentric',
    },
    {
      name: 'a new name keeps the roles of the question on screen',
      from: '?who=Adam&roles=PROPOSES&node=daily%3Asophia',
      action: { type: 'ask', technique: 'LoRA' },
      to: '?who=LoRA&roles=PROPOSES',
    },
    {
      name: 'roles asked for replace those on screen',
      from: '?who=Adam&roles=PROPOSES',
      action: { type: 'ask', technique: 'Adam', roles: ['USES'] },
      to: '?who=Adam&roles=USES',
    },
    {
      name: 'the start view keeps filters, layout and scope',
      from: '?who=Adam&node=x&hide=CLAIM&layout=breadthfirst&from=2020',
      action: { type: 'start' },
      to: '?hide=CLAIM&layout=breadthfirst&from=2020',
    },
    {
      name: 'a new scope keeps the question and drops expansions and selection',
      from: '?who=Adam&expand=lora&node=lora',
      action: { type: 'scope', scope: { collection: 'seed', from: '2023', to: null } },
      to: '?who=Adam&collection=seed&from=2023',
    },
    {
      name: 'a layout, a confidence and hidden kinds and links change only themselves',
      from: '?at=adam&node=lora',
      action: { type: 'layout', layout: 'concentric' },
      to: '?at=adam&node=lora&layout=concentric',
    },
    {
      name: 'the confidence slider let go',
      from: '?at=adam',
      action: { type: 'minConfidence', value: 0.65 },
      to: '?at=adam&conf=0.65',
    },
    {
      name: 'kinds unchecked in the legend',
      from: '?at=adam&hide=CLAIM',
      action: { type: 'hideKinds', kinds: ['AUTHOR', 'PAPER'] },
      to: '?at=adam&hide=AUTHOR%2CPAPER',
    },
    {
      name: 'link types unchecked in the legend',
      from: '?at=adam',
      action: { type: 'hideLinks', links: ['CITES'] },
      to: '?at=adam&hideLinks=CITES',
    },
  ])('$name', ({ from, action, to }) => {
    const before = parseViewState(from);
    const frozen = structuredClone(before);
    expect(formatViewState(nextView(before, action))).toBe(to);
    expect(before).toEqual(frozen);
  });

  test('a tap on the background with nothing selected changes nothing, not even history', () => {
    const view = parseViewState('?at=adam');
    expect(nextView(view, { type: 'deselect' })).toBe(view);
  });
});

describe('planDraw', () => {
  test.each<{
    name: string;
    drawn: string | null;
    next: string;
    plan: ReturnType<typeof planDraw>;
  }>([
    { name: 'the first view loads', drawn: null, next: '', plan: { kind: 'load' } },
    {
      name: 'a new selection keeps what is drawn',
      drawn: '?at=adam',
      next: '?at=adam&node=lora&hide=CLAIM&conf=0.5',
      plan: { kind: 'keep' },
    },
    {
      name: 'a new layout lays the same data out again',
      drawn: '?at=adam',
      next: '?at=adam&layout=concentric',
      plan: { kind: 'relayout' },
    },
    {
      name: 'one more expansion grows from its node',
      drawn: '?at=adam&expand=gpt-2',
      next: '?at=adam&expand=gpt-2&expand=lora',
      plan: { kind: 'grow', from: 'lora' },
    },
    {
      name: 'an expansion taken back loads',
      drawn: '?at=adam&expand=gpt-2&expand=lora',
      next: '?at=adam&expand=gpt-2',
      plan: { kind: 'load' },
    },
    {
      name: 'expansions in another order load',
      drawn: '?at=adam&expand=gpt-2',
      next: '?at=adam&expand=lora&expand=gpt-2',
      plan: { kind: 'load' },
    },
    {
      name: 'another base loads',
      drawn: '?at=adam',
      next: '?at=lora',
      plan: { kind: 'load' },
    },
    {
      name: 'other roles load',
      drawn: '?who=Adam',
      next: '?who=Adam&roles=USES',
      plan: { kind: 'load' },
    },
    {
      name: 'another scope loads, even with one more expansion',
      drawn: '?expand=adam',
      next: '?expand=adam&expand=lora&from=2020',
      plan: { kind: 'load' },
    },
  ])('$name', ({ drawn, next, plan }) => {
    expect(planDraw(drawn === null ? null : parseViewState(drawn), parseViewState(next))).toEqual(
      plan,
    );
  });

  test.each([
    { view: '?at=adam&node=lora', root: 'lora' },
    { view: '?at=adam&edge=x', root: 'adam' },
    { view: '?who=Adam', root: undefined },
  ])('a breadth-first layout of $view starts at $root', ({ view, root }) => {
    expect(layoutRoot(parseViewState(view))).toBe(root);
  });
});

describe('noticeText', () => {
  const some = { nodes: [{}], truncated: false };
  test.each([
    { name: 'a whole view says nothing', data: some, view: '?at=adam', answer: null, text: '' },
    {
      name: 'a view cut by the server says so',
      data: { ...some, truncated: true },
      view: '?at=adam',
      answer: null,
      text: 'This view is cut short: the server’s limit left out some nodes and links. Double-click a node to expand around it.',
    },
    {
      name: 'an answer cut at the drawing limit counts what is shown',
      data: { ...some, truncated: true },
      view: '?who=Adam',
      answer: { shown: 500, total: 9040 },
      text: 'Showing 500 of 9040 papers.',
    },
    {
      name: 'an unknown name points to the near names',
      data: { nodes: [], truncated: false },
      view: '?who=Adamm',
      answer: { shown: 0, total: 0 },
      text: 'Nothing to draw: no concept is called “Adamm”. The panel lists near names.',
    },
    {
      name: 'an empty graph says how to load papers',
      data: { nodes: [], truncated: false },
      view: '',
      answer: null,
      text: 'The graph is empty. Load papers with `papergraph ingest` (npm start loads the seed).',
    },
  ])('$name', ({ data, view, answer, text }) => {
    expect(noticeText(data, parseViewState(view), answer)).toBe(text);
  });
});
