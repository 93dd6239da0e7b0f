// The panel before anything is selected: how to read the map, and first questions drawn from the
// graph itself (never a name it does not hold).
import { h } from '../dom.ts';
import type { StartingPointsQuery } from '../gql/graphql.ts';

export type StartingPoint = StartingPointsQuery['startingPoints'][number];

const STARTING_QUESTION: Record<StartingPoint['reason'], string> = {
  MOST_USED_METHOD: 'Who uses',
  TOP_DATASET: 'Who evaluates on',
  PROPOSED_AND_USED: 'Who builds on',
};

const HOW_TO_READ = [
  'The start view is a map of the most used concepts of each kind: size is the number of papers, a grey line joins concepts named in the same papers.',
  'Click a concept for its papers and their trend; double-click it to draw its papers. Click a paper for its abstract with every finding highlighted.',
  'Click a link to see the sentence it comes from. Double-click a node to grow the graph around it.',
];

export function renderWelcome(
  panel: HTMLElement,
  starts: readonly StartingPoint[],
  ask: (technique: string) => void,
): void {
  panel.replaceChildren(
    h(
      'section',
      { class: 'panel welcome' },
      h('h2', {}, 'Explore papers and why they are linked'),
      h(
        'ul',
        {},
        HOW_TO_READ.map((line) => h('li', {}, line)),
      ),
      starts.length
        ? [h('p', {}, 'Try:'), startingQuestions(starts, ask)]
        : h(
            'p',
            { class: 'hint' },
            'No paper is loaded yet: `papergraph ingest <file>` loads some (npm start loads the seed).',
          ),
    ),
  );
}

function startingQuestions(
  starts: readonly StartingPoint[],
  ask: (technique: string) => void,
): HTMLElement {
  return h(
    'div',
    { class: 'button-row', 'data-testid': 'welcome-examples' },
    starts.map((start) =>
      h(
        'button',
        {
          type: 'button',
          'data-reason': start.reason,
          title: `${start.papers} papers`,
          onclick: () => ask(start.concept.name),
        },
        `${STARTING_QUESTION[start.reason]} ${start.concept.name}?`,
      ),
    ),
  );
}
