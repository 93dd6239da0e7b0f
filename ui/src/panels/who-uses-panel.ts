// The answer to "Who uses …?": the papers with their roles and sentences, a filter by role, and
// the other senses of an ambiguous name, each one click from being asked.
import { formatConfidence, h } from '../dom.ts';
import { bibtexButton } from '../data/export-view.ts';
import type { ConceptKind, Role } from '../gql/graphql.ts';
import { NODE_LOOKS } from '../graph/graph-style.ts';
import {
  closeButton,
  evidenceBlock,
  kindBadge,
  otherNames,
  plural,
  roleBadge,
  type PanelActions,
} from './panel-parts.ts';
import { renderTrend } from './trend-plot.ts';
import { ROLES, roleLabel } from '../who-uses/who-uses-roles.ts';
import {
  bandLabel,
  countBands,
  SORT_ORDERS,
  sortWhoUses,
  yearOf,
  type SortOrder,
} from '../who-uses/who-uses-timeline.ts';
import type { NearName, WhoUsesAnswer, WhoUsesQuestion } from '../who-uses/who-uses-to-slice.ts';

export interface WhoUsesActions extends PanelActions {
  /** Asks again: another name, or the same one for other roles. */
  ask(technique: string, roles: Role[]): void;
}

const RELATION_TEXT = {
  DIRECT: 'says so itself',
  BUILDS_ON: 'builds on',
  CITES: 'cites',
} as const;

export function renderWhoUses(
  panel: HTMLElement,
  question: WhoUsesQuestion,
  answer: WhoUsesAnswer,
  actions: WhoUsesActions,
  onClose: () => void,
  nearNames: readonly NearName[] = [],
): void {
  const technique = answer.technique;
  const ask = (name: string) => actions.ask(name, question.roles);
  if (!technique) {
    panel.replaceChildren(
      whoPanel(onClose, question.technique, unknownName(question, nearNames, ask)),
    );
    return;
  }
  const names = otherNames(technique);
  panel.replaceChildren(
    whoPanel(
      onClose,
      technique.name,
      h(
        'p',
        { class: 'meta' },
        plural(answer.totalCount, 'paper'),
        answer.totalCount > answer.edges.length ? ` (showing ${answer.edges.length})` : '',
        ` · `,
        kindBadge(technique.kind),
        names.length ? ` also written ${names.join(', ')}` : '',
        answer.edges.length
          ? [
              ' · ',
              bibtexButton(
                answer.edges.map((e) => e.node.id),
                technique.name,
              ),
            ]
          : null,
      ),
      answer.alternatives.length
        ? h(
            'p',
            { class: 'meta also-means', 'data-testid': 'who-alternatives' },
            'Also means: ',
            askButtons(
              answer.alternatives.map((alt) => ({
                name: alt.name,
                title: `Who uses ${alt.name}? (${NODE_LOOKS[alt.kind].label.toLowerCase()})`,
              })),
              ask,
            ),
          )
        : null,
      roleFilter(question, technique.kind, actions),
      answer.edges.length
        ? answerPapers(answer, technique, actions)
        : h(
            'p',
            { class: 'hint', 'data-testid': 'who-none' },
            `No paper in the graph has these roles towards ${technique.name}.`,
            question.roles.includes('BACKGROUND')
              ? ''
              : ' Tick “background” for papers that name it in their related work only.',
          ),
    ),
  );
}

type Technique = NonNullable<WhoUsesAnswer['technique']>;
type AnswerEdge = WhoUsesAnswer['edges'][number];

function whoPanel(onClose: () => void, name: string, ...body: Parameters<typeof h>[2][]) {
  return h(
    'section',
    { class: 'panel who-panel', 'data-testid': 'who-panel' },
    closeButton(onClose),
    h('h2', {}, `Who uses ${name}?`),
    ...body,
  );
}

/** A name no concept has: said plainly, with near names that do answer. */
function unknownName(
  question: WhoUsesQuestion,
  nearNames: readonly NearName[],
  ask: (name: string) => void,
): HTMLElement[] {
  const papers = (near: NearName) => plural(near.paperCount ?? 0, 'paper');
  return [
    h(
      'p',
      { 'data-testid': 'who-unknown' },
      `No concept in this graph is called “${question.technique}”: no paper loaded names it.`,
    ),
    nearNames.length
      ? h(
          'p',
          { class: 'meta', 'data-testid': 'who-near' },
          'Near names: ',
          askButtons(
            nearNames.map((near) => ({
              name: near.name,
              title: `Who uses ${near.name}? (${NODE_LOOKS[near.kind].label.toLowerCase()}, ${papers(near)})`,
              after: ` (${papers(near)})`,
            })),
            ask,
          ),
        )
      : h('p', { class: 'hint' }, 'No concept has a similar name either; try the search box.'),
  ];
}

/** Names, comma-separated, each a button asking "Who uses" it. */
function askButtons(
  names: { name: string; title: string; after?: string }[],
  ask: (name: string) => void,
): (HTMLElement | string)[] {
  return names.flatMap(({ name, title, after }, i) => [
    i ? ', ' : '',
    h('button', { type: 'button', class: 'link-button', title, onclick: () => ask(name) }, name),
    after ?? '',
  ]);
}

/** Counts per role, the papers per year, and the papers in an order the reader picks. */
function answerPapers(
  answer: WhoUsesAnswer,
  technique: Technique,
  actions: WhoUsesActions,
): (HTMLElement | null)[] {
  let order: SortOrder = 'evidence';
  const list = h('ol', { class: 'paper-list who-list', 'data-testid': 'who-list' });
  const fillList = () =>
    list.replaceChildren(
      ...sortWhoUses(answer.edges, order).map((edge) => answerItem(edge, technique, actions)),
    );
  const sortSelect = h(
    'select',
    {
      'data-testid': 'who-sort',
      'aria-label': 'Order of the papers',
      onchange: () => {
        order = sortSelect.value as SortOrder;
        fillList();
      },
    },
    Object.entries(SORT_ORDERS).map(([value, label]) => h('option', { value }, label)),
  );
  fillList();
  const trend = renderTrend(technique.papersPerYear, NODE_LOOKS[technique.kind].color);
  return [
    h(
      'p',
      { class: 'meta', 'data-testid': 'who-bands' },
      countBands(answer)
        .map((c) => `${bandLabel(technique.kind, c.band)}: ${c.papers}`)
        .join(' · '),
    ),
    trend
      ? h('figure', { class: 'trend-figure' }, h('figcaption', {}, 'Papers per year'), trend)
      : null,
    h('label', { class: 'sort' }, 'Order: ', sortSelect),
    list,
  ];
}

/** One paper of the answer: its roles, the variant it names, how it relates, its sentences. */
function answerItem(edge: AnswerEdge, technique: Technique, actions: WhoUsesActions) {
  const open = (id: string, text: string, attrs: Record<string, string> = {}) =>
    h(
      'button',
      { type: 'button', class: 'link-button', ...attrs, onclick: () => actions.openNode(id) },
      text,
    );
  const year = yearOf(edge.node.published);
  return h(
    'li',
    {},
    open(edge.node.id, edge.node.title),
    h(
      'p',
      { class: 'meta' },
      edge.roles.map((role) => roleBadge(edge.variant?.kind ?? technique.kind, role)),
      edge.variant
        ? [
            ' ',
            open(edge.variant.id, edge.variant.name, {
              class: 'link-button variant',
              'data-testid': 'who-variant',
              title: `The variant of ${technique.name} this paper names`,
            }),
          ]
        : null,
      edge.relation !== 'DIRECT' ? ` ${RELATION_TEXT[edge.relation]} ` : ' ',
      edge.through ? open(edge.through.id, edge.through.title) : null,
      year ? ` · ${year}` : '',
      ` · confidence ${formatConfidence(edge.confidence)}`,
    ),
    edge.evidence.slice(0, 2).map((e) => evidenceBlock(e, technique.kind.toLowerCase())),
  );
}

/** One checkbox per role; the last one ticked cannot be unticked (a question needs a role). */
function roleFilter(
  question: WhoUsesQuestion,
  kind: ConceptKind,
  actions: WhoUsesActions,
): HTMLElement {
  const boxes = ROLES.map((role) =>
    h('input', {
      type: 'checkbox',
      'data-role': role,
      checked: question.roles.includes(role),
      disabled: question.roles.length === 1 && question.roles.includes(role),
    }),
  );
  const changed = () =>
    actions.ask(
      question.technique,
      ROLES.filter((_, i) => boxes[i].checked),
    );
  for (const box of boxes) box.addEventListener('change', changed);
  return h(
    'fieldset',
    { class: 'role-filter', 'data-testid': 'who-roles' },
    h('legend', {}, 'Papers that'),
    ROLES.map((role, i) => h('label', { class: 'chip' }, boxes[i], ` ${roleLabel(kind, role)}`)),
  );
}
