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
import type { WhoUsesAnswer } from '../who-uses/who-uses-to-slice.ts';

export interface WhoUsesActions extends PanelActions {
  /** Asks again: another name, or the same one for other roles. */
  ask(technique: string, roles: Role[]): void;
}

/** What was asked: the name as typed and the roles it was asked for. */
export interface WhoUsesQuestion {
  technique: string;
  roles: Role[];
}

const RELATION_TEXT = {
  DIRECT: 'says so itself',
  BUILDS_ON: 'builds on',
  CITES: 'cites',
} as const;

/** A concept whose name is near one the graph does not hold: a way on from an empty answer. */
export interface NearName {
  name: string;
  kind: ConceptKind;
  paperCount: number | null;
}

export function renderWhoUses(
  panel: HTMLElement,
  question: WhoUsesQuestion,
  answer: WhoUsesAnswer,
  actions: WhoUsesActions,
  onClose: () => void,
  nearNames: readonly NearName[] = [],
): void {
  const technique = answer.technique;
  if (!technique) {
    panel.replaceChildren(
      h(
        'section',
        { class: 'panel who-panel', 'data-testid': 'who-panel' },
        closeButton(onClose),
        h('h2', {}, `Who uses ${question.technique}?`),
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
              nearNames.flatMap((near, i) => [
                i ? ', ' : '',
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'link-button',
                    title: `Who uses ${near.name}? (${NODE_LOOKS[near.kind].label.toLowerCase()}, ${plural(near.paperCount ?? 0, 'paper')})`,
                    onclick: () => actions.ask(near.name, question.roles),
                  },
                  near.name,
                ),
                ` (${plural(near.paperCount ?? 0, 'paper')})`,
              ]),
            )
          : h('p', { class: 'hint' }, 'No concept has a similar name either; try the search box.'),
      ),
    );
    return;
  }
  let order: SortOrder = 'evidence';
  const list = h('ol', { class: 'paper-list who-list', 'data-testid': 'who-list' });
  const fillList = () =>
    list.replaceChildren(...sortWhoUses(answer.edges, order).map((edge) => answerItem(edge)));
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
  const kind = technique.kind.toLowerCase();
  const names = otherNames(technique);
  const trend = renderTrend(technique.papersPerYear, NODE_LOOKS[technique.kind].color);
  const answerItem = (edge: WhoUsesAnswer['edges'][number]) =>
    h(
      'li',
      {},
      h(
        'button',
        {
          type: 'button',
          class: 'link-button',
          onclick: () => actions.openNode(edge.node.id),
        },
        edge.node.title,
      ),
      h(
        'p',
        { class: 'meta' },
        edge.roles.map((role) => roleBadge(edge.variant?.kind ?? technique.kind, role)),
        edge.variant
          ? [
              ' ',
              h(
                'button',
                {
                  type: 'button',
                  class: 'link-button variant',
                  'data-testid': 'who-variant',
                  title: `The variant of ${technique.name} this paper names`,
                  onclick: () => actions.openNode(edge.variant!.id),
                },
                edge.variant.name,
              ),
            ]
          : null,
        edge.relation !== 'DIRECT' ? ` ${RELATION_TEXT[edge.relation]} ` : ' ',
        edge.through
          ? h(
              'button',
              {
                type: 'button',
                class: 'link-button',
                onclick: () => actions.openNode(edge.through!.id),
              },
              edge.through.title,
            )
          : null,
        yearOf(edge.node.published) ? ` · ${yearOf(edge.node.published)}` : '',
        ` · confidence ${formatConfidence(edge.confidence)}`,
      ),
      edge.evidence.slice(0, 2).map((e) => evidenceBlock(e, kind)),
    );
  fillList();
  panel.replaceChildren(
    h(
      'section',
      { class: 'panel who-panel', 'data-testid': 'who-panel' },
      closeButton(onClose),
      h('h2', {}, `Who uses ${technique.name}?`),
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
            answer.alternatives.flatMap((alt, i) => [
              i ? ', ' : '',
              h(
                'button',
                {
                  type: 'button',
                  class: 'link-button',
                  title: `Who uses ${alt.name}? (${NODE_LOOKS[alt.kind].label.toLowerCase()})`,
                  onclick: () => actions.ask(alt.name, question.roles),
                },
                alt.name,
              ),
            ]),
          )
        : null,
      roleFilter(question, technique.kind, actions),
      answer.edges.length
        ? [
            h(
              'p',
              { class: 'meta', 'data-testid': 'who-bands' },
              countBands(answer)
                .map((c) => `${bandLabel(technique.kind, c.band)}: ${c.papers}`)
                .join(' · '),
            ),
            trend
              ? h(
                  'figure',
                  { class: 'trend-figure' },
                  h('figcaption', {}, 'Papers per year'),
                  trend,
                )
              : null,
            h('label', { class: 'sort' }, 'Order: ', sortSelect),
            list,
          ]
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
