// The pieces every side panel is built from: badges, buttons, an evidence sentence, a message.
import { formatConfidence, h } from '../dom.ts';
import type {
  ConceptKind,
  EvidenceFieldsFragment,
  LinkType,
  NodeKind,
  Role,
} from '../gql/graphql.ts';
import { LINK_LOOKS, NODE_LOOKS } from '../graph/graph-style.ts';
import { locateInSentence, markMentions, type MentionSpan } from './mark-mentions.ts';
import { roleLabel, roleLinkType } from '../who-uses/who-uses-roles.ts';

export interface PanelActions {
  /** Show a node: select it when it is drawn, otherwise draw its neighbourhood. */
  openNode(id: string): void;
  /** Add a node's neighbourhood to the graph. */
  expand(id: string): void;
  /** Select the drawn edge between two nodes, if any, so the graph shows which link is meant. */
  highlightLink(source: string, target: string, type: LinkType): void;
}

/** Text with its mentions marked, each `<mark>` coloured by kind. */
export function markedText(text: string, spans: MentionSpan[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const segment of markMentions(text, spans)) {
    fragment.append(
      segment.mark
        ? h(
            'mark',
            { class: `mention kind-${segment.mark.kind}`, title: segment.mark.title },
            segment.text,
          )
        : segment.text,
    );
  }
  return fragment;
}

/** Aliases other than the name itself (the API lists the name among them). */
export function otherNames(concept: { name: string; aliases: string[] }): string[] {
  const seen = new Set([concept.name.toLowerCase()]);
  return concept.aliases.filter((a) => !seen.has(a.toLowerCase()) && seen.add(a.toLowerCase()));
}

export function kindBadge(kind: NodeKind): HTMLElement {
  return h('span', { class: `badge kind-${kind.toLowerCase()}` }, NODE_LOOKS[kind].label);
}

export function linkBadge(type: LinkType): HTMLElement {
  return h('span', { class: `badge link link-${type.toLowerCase()}` }, LINK_LOOKS[type].label);
}

export function closeButton(onClose: () => void): HTMLElement {
  return h(
    'button',
    { type: 'button', class: 'close', 'aria-label': 'Close details', onclick: onClose },
    '×',
  );
}

export function nodeButtons(id: string, actions: PanelActions): HTMLElement {
  return h(
    'div',
    { class: 'button-row' },
    h(
      'button',
      { type: 'button', 'data-action': 'expand', onclick: () => actions.expand(id) },
      'Expand neighbourhood',
    ),
    h('button', { type: 'button', onclick: () => actions.openNode(id) }, 'Show in graph'),
  );
}

/** The sentence behind a link, the mention marked, with the rule and confidence. */
export function evidenceBlock(
  evidence: EvidenceFieldsFragment,
  kind: string,
  source?: string,
): HTMLElement {
  const at = locateInSentence(evidence, source);
  const spans = at ? [{ ...at, kind, title: evidence.text }] : [];
  return h(
    'figure',
    { class: 'evidence' },
    h('blockquote', { class: 'sentence' }, markedText(evidence.sentence, spans)),
    h(
      'figcaption',
      {},
      `rule `,
      h('code', {}, evidence.rule),
      ` · confidence ${formatConfidence(evidence.confidence)} · in the ${evidence.field.toLowerCase()}`,
    ),
  );
}

/** A paper's role towards a concept of this kind, worded for it (a dataset is evaluated on). */
export function roleBadge(kind: ConceptKind, role: Role): HTMLElement {
  return h(
    'span',
    {
      class: `badge link link-${roleLinkType(kind, role).toLowerCase()}`,
      'data-role': role,
    },
    roleLabel(kind, role),
  );
}

export const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

export function renderMessage(panel: HTMLElement, heading: string, text: string): void {
  panel.replaceChildren(h('section', { class: 'panel' }, h('h2', {}, heading), h('p', {}, text)));
}

type Cell = Node | string | number | (Node | string)[];

/** A table: a header row of column titles, then one row of cells per item. */
export function table<T>(
  attrs: Parameters<typeof h>[1],
  header: (string | HTMLElement)[],
  items: readonly T[],
  cells: (item: T) => Cell[],
): HTMLTableElement {
  return h(
    'table',
    attrs,
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        header.map((title) => h('th', { scope: 'col' }, title)),
      ),
    ),
    h(
      'tbody',
      {},
      items.map((item) =>
        h(
          'tr',
          {},
          cells(item).map((cell) => h('td', {}, cell)),
        ),
      ),
    ),
  );
}
