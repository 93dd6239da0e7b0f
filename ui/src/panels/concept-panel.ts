// A concept: its names, family and variants, and the papers linked to it grouped by role.
import { formatConfidence, h } from '../dom.ts';
import type { ConceptDetailsQuery, LinkType, Role } from '../gql/graphql.ts';
import {
  closeButton,
  evidenceBlock,
  kindBadge,
  linkBadge,
  nodeButtons,
  otherNames,
  plural,
  type PanelActions,
} from './panel-parts.ts';
import { NODE_LOOKS } from '../graph/graph-style.ts';
import { renderTrend } from './trend-plot.ts';

export type ConceptDetails = NonNullable<ConceptDetailsQuery['concept']>;

/** Papers by their role towards the concept; a link without one is read by its type. */
const CONCEPT_GROUPS: { role: Role; heading: string }[] = [
  { role: 'PROPOSES', heading: 'Proposed by' },
  { role: 'USES', heading: 'Used by' },
  { role: 'COMPARES', heading: 'Compared against by' },
  { role: 'BACKGROUND', heading: 'Named in the related work of' },
];

const roleOf = (link: { type: LinkType; role: Role | null }): Role =>
  link.role ??
  (link.type === 'PROPOSES' || link.type === 'COMPARES' || link.type === 'BACKGROUND'
    ? link.type
    : 'USES');

/** Papers per year, where the graph's papers have dates. */
function trendFigure(concept: ConceptDetails): HTMLElement | null {
  const chart = renderTrend(concept.papersPerYear, NODE_LOOKS[concept.kind].color);
  return chart
    ? h('figure', { class: 'trend-figure' }, h('figcaption', {}, 'Papers per year'), chart)
    : null;
}

export function renderConcept(
  panel: HTMLElement,
  concept: ConceptDetails,
  actions: PanelActions,
  onClose: () => void,
): void {
  const kind = concept.kind.toLowerCase();
  const names = otherNames(concept);
  panel.replaceChildren(
    h(
      'section',
      { class: 'panel concept-panel', 'data-testid': 'concept-panel' },
      closeButton(onClose),
      kindBadge(concept.kind),
      h('h2', {}, concept.name),
      concept.family
        ? h(
            'p',
            { class: 'meta', 'data-testid': 'concept-family' },
            'Variant of ',
            conceptButton(concept.family, actions),
          )
        : null,
      names.length ? h('p', { class: 'meta' }, `Also written: ${names.join(', ')}`) : null,
      h(
        'p',
        { class: 'meta', 'data-testid': 'concept-count' },
        `${plural(concept.paperCount, 'paper')} link${concept.paperCount === 1 ? 's' : ''} to it`,
        // Equal when it has no variants, or when none of them is in a paper yet.
        concept.familyPaperCount !== concept.paperCount
          ? `, ${concept.familyPaperCount} with its variants.`
          : '.',
      ),
      trendFigure(concept),
      nodeButtons(concept.id, actions),
      concept.variants.length
        ? h(
            'section',
            { class: 'group' },
            h('h3', {}, `Variants (${concept.variants.length})`),
            h(
              'ul',
              { class: 'variant-list', 'data-testid': 'concept-variants' },
              concept.variants.map((variant) =>
                h(
                  'li',
                  {},
                  conceptButton(variant, actions),
                  h('span', { class: 'meta' }, ` ${plural(variant.paperCount, 'paper')}`),
                ),
              ),
            ),
          )
        : null,
      CONCEPT_GROUPS.map(({ role, heading }) => {
        const links = concept.papers.filter((p) => roleOf(p) === role);
        if (!links.length) return null;
        return h(
          'section',
          { class: 'group', 'data-role': role },
          h('h3', {}, `${heading} (${links.length})`),
          h(
            'ul',
            { class: 'paper-list' },
            links.map((link) =>
              h(
                'li',
                {},
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'link-button',
                    onclick: () => actions.openNode(link.paper.id),
                  },
                  link.paper.title,
                ),
                ' ',
                linkBadge(link.type),
                h('span', { class: 'meta' }, ` ${formatConfidence(link.confidence)}`),
                link.evidence[0] ? evidenceBlock(link.evidence[0], kind) : null,
              ),
            ),
          ),
        );
      }),
    ),
  );
}

function conceptButton(concept: { id: string; name: string }, actions: PanelActions) {
  return h(
    'button',
    { type: 'button', class: 'link-button', onclick: () => actions.openNode(concept.id) },
    concept.name,
  );
}
