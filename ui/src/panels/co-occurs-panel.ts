// A link of the concept map: how many papers name both concepts, and a question about each.
import { h } from '../dom.ts';

export function renderCoOccurrence(
  panel: HTMLElement,
  concepts: readonly [{ label: string }, { label: string }],
  papers: number,
  ask: (technique: string) => void,
): void {
  const [a, b] = concepts;
  panel.replaceChildren(
    h(
      'section',
      { class: 'panel', 'data-testid': 'co-occurs-panel' },
      h('h2', {}, `${a.label} and ${b.label}`),
      h(
        'p',
        {},
        `Named together in about ${papers} papers (proposed, used, compared or evaluated on; related work not counted).`,
      ),
      h(
        'div',
        { class: 'button-row' },
        concepts.map((n) =>
          h('button', { type: 'button', onclick: () => ask(n.label) }, `Who uses ${n.label}?`),
        ),
      ),
    ),
  );
}
