// The side panel: a paper, a concept, a link ("why is this link here?") or a whoUses answer.
import { formatConfidence, h } from './dom.ts';
import type {
  ConceptDetailsQuery,
  EvidenceFieldsFragment,
  LinkType,
  NodeKind,
  PaperDetailsQuery,
  Role,
} from './gql/graphql.ts';
import { LINK_LOOKS, NODE_LOOKS } from './graph-style.ts';
import { locateInSentence, markMentions, type MentionSpan } from './mark-mentions.ts';
import type { WhoUsesAnswer } from './who-uses-to-slice.ts';

export type PaperDetails = NonNullable<PaperDetailsQuery['paper']>;
export type ConceptDetails = NonNullable<ConceptDetailsQuery['concept']>;

export interface PanelActions {
  /** Show a node: select it when it is drawn, otherwise draw its neighbourhood. */
  openNode(id: string): void;
  /** Add a node's neighbourhood to the graph. */
  expand(id: string): void;
  /** Select the drawn edge between two nodes, if any, so the graph shows which link is meant. */
  highlightLink(source: string, target: string, type: LinkType): void;
}

/** A link's evidence, or where fetching it stands. */
export type LinkEvidence = EvidenceFieldsFragment[] | { loading: true } | { error: string };

export interface LinkDetails {
  source: { id: string; label: string; kind: NodeKind };
  target: { id: string; label: string; kind: NodeKind };
  type: LinkType;
  role: Role | null;
  confidence: number | null;
  evidence: LinkEvidence;
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
function otherNames(concept: { name: string; aliases: string[] }): string[] {
  const seen = new Set([concept.name.toLowerCase()]);
  return concept.aliases.filter((a) => !seen.has(a.toLowerCase()) && seen.add(a.toLowerCase()));
}

function kindBadge(kind: NodeKind): HTMLElement {
  return h('span', { class: `badge kind-${kind.toLowerCase()}` }, NODE_LOOKS[kind].label);
}

function linkBadge(type: LinkType): HTMLElement {
  return h('span', { class: `badge link link-${type.toLowerCase()}` }, LINK_LOOKS[type].label);
}

function closeButton(onClose: () => void): HTMLElement {
  return h(
    'button',
    { type: 'button', class: 'close', 'aria-label': 'Close details', onclick: onClose },
    '×',
  );
}

function nodeButtons(id: string, actions: PanelActions): HTMLElement {
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
function evidenceBlock(
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

export function renderLink(
  panel: HTMLElement,
  link: LinkDetails,
  onClose: () => void,
  abstract?: string,
): void {
  const targetKind = link.target.kind.toLowerCase();
  panel.replaceChildren(
    h(
      'section',
      { class: 'panel edge-panel', 'data-testid': 'edge-panel' },
      closeButton(onClose),
      h('h2', {}, 'Why is this link here?'),
      h(
        'p',
        { class: 'link-line' },
        h('strong', {}, link.source.label),
        ' ',
        linkBadge(link.type),
        ' ',
        h('strong', {}, link.target.label),
      ),
      h(
        'p',
        { class: 'meta' },
        link.role ? `Role: ${link.role.toLowerCase()} · ` : '',
        `Link confidence: ${formatConfidence(link.confidence)}`,
      ),
      evidenceOfLink(link, targetKind, abstract),
    ),
  );
}

function evidenceOfLink(
  link: LinkDetails,
  targetKind: string,
  abstract?: string,
): HTMLElement | HTMLElement[] {
  const evidence = link.evidence;
  if ('loading' in evidence)
    return h(
      'p',
      { class: 'hint', 'data-testid': 'evidence-loading', 'aria-busy': 'true' },
      'Loading the evidence…',
    );
  if ('error' in evidence)
    return h(
      'p',
      { class: 'error', role: 'alert', 'data-testid': 'evidence-error' },
      `Could not load the evidence: ${evidence.error}`,
    );
  return evidence.length
    ? evidence.map((e) =>
        evidenceBlock(e, targetKind, e.field === 'ABSTRACT' ? abstract : undefined),
      )
    : h(
        'p',
        { class: 'hint' },
        link.type === 'BUILDS_ON' || link.type === 'CITES' || link.type === 'PROPOSES'
          ? 'This link is derived from other links (a paper that uses what another proposes), so it has no sentence of its own.'
          : 'The server sent no evidence sentence for this link.',
      );
}

export function renderPaper(
  panel: HTMLElement,
  paper: PaperDetails,
  actions: PanelActions,
  onClose: () => void,
): void {
  const spans = { TITLE: [] as MentionSpan[], ABSTRACT: [] as MentionSpan[] };
  for (const link of paper.concepts) {
    for (const e of link.evidence) {
      spans[e.field].push({
        start: e.start,
        end: e.end,
        text: e.text,
        kind: link.concept.kind.toLowerCase(),
        title: `${link.concept.name} (${NODE_LOOKS[link.concept.kind].label.toLowerCase()}, ${LINK_LOOKS[link.type].label})`,
      });
    }
  }
  for (const claim of paper.claims) {
    for (const e of claim.evidence) {
      spans[e.field].push({
        start: e.start,
        end: e.end,
        text: e.text,
        kind: 'claim',
        title: `claim: ${claim.kind.toLowerCase()}`,
      });
    }
  }
  const kindsPresent = [...new Set(paper.concepts.map((l) => l.concept.kind as NodeKind))];
  if (paper.claims.length) kindsPresent.push('CLAIM');
  const links = [...paper.concepts].sort((a, b) => b.confidence - a.confidence);

  panel.replaceChildren(
    h(
      'section',
      { class: 'panel paper-panel', 'data-testid': 'paper-panel' },
      closeButton(onClose),
      kindBadge('PAPER'),
      h('h2', {}, markedText(paper.title, spans.TITLE)),
      paper.published || paper.venue || paper.authors.length
        ? h(
            'p',
            { class: 'meta' },
            [paper.published, paper.venue, paper.authors.map((a) => a.name).join(', ')]
              .filter(Boolean)
              .join(' · '),
          )
        : null,
      paper.url
        ? h(
            'p',
            {},
            h(
              'a',
              { href: paper.url, target: '_blank', rel: 'noopener noreferrer' },
              'Read the paper ↗',
            ),
          )
        : null,
      nodeButtons(paper.id, actions),
      h('h3', {}, 'Abstract'),
      h(
        'p',
        { class: 'mention-legend' },
        'Highlighted: ',
        kindsPresent.map((k) => kindBadge(k)),
      ),
      h(
        'p',
        { class: 'abstract', 'data-testid': 'abstract' },
        markedText(paper.abstract, spans.ABSTRACT),
      ),
      h('h3', {}, `Links (${links.length})`),
      links.length
        ? h(
            'table',
            { class: 'links' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', { scope: 'col' }, 'Concept'),
                h('th', { scope: 'col' }, 'Link'),
                h('th', { scope: 'col' }, 'Conf.'),
                h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Evidence')),
              ),
            ),
            h(
              'tbody',
              {},
              links.map((link) =>
                h(
                  'tr',
                  {},
                  h(
                    'td',
                    {},
                    h(
                      'button',
                      {
                        type: 'button',
                        class: 'link-button',
                        onclick: () => actions.openNode(link.concept.id),
                      },
                      link.concept.name,
                    ),
                    ' ',
                    kindBadge(link.concept.kind),
                  ),
                  h('td', {}, linkBadge(link.type)),
                  h('td', {}, formatConfidence(link.confidence)),
                  h(
                    'td',
                    {},
                    h(
                      'button',
                      {
                        type: 'button',
                        class: 'why',
                        'aria-label': `Why does this paper ${LINK_LOOKS[link.type].label} ${link.concept.name}?`,
                        onclick: () => {
                          actions.highlightLink(paper.id, link.concept.id, link.type);
                          renderLink(
                            panel,
                            {
                              source: { id: paper.id, label: paper.title, kind: 'PAPER' },
                              target: {
                                id: link.concept.id,
                                label: link.concept.name,
                                kind: link.concept.kind,
                              },
                              type: link.type,
                              role: link.role,
                              confidence: link.confidence,
                              evidence: link.evidence,
                            },
                            () => renderPaper(panel, paper, actions, onClose),
                            paper.abstract,
                          );
                        },
                      },
                      'Why?',
                    ),
                  ),
                ),
              ),
            ),
          )
        : h('p', { class: 'hint' }, 'No concepts were found in this paper.'),
      h('h3', {}, `Claims (${paper.claims.length})`),
      paper.claims.length
        ? h(
            'table',
            { class: 'claims', 'data-testid': 'claims' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ['Value', 'Unit', 'Kind', 'Hardware', 'Baseline'].map((c) =>
                  h('th', { scope: 'col' }, c),
                ),
              ),
            ),
            h(
              'tbody',
              {},
              paper.claims.map((c) =>
                h(
                  'tr',
                  {},
                  h('td', {}, c.value),
                  h('td', {}, c.unit),
                  h('td', {}, c.kind.toLowerCase().replace('_', ' ')),
                  h('td', {}, c.hardware ?? '—'),
                  h('td', {}, c.baseline ?? '—'),
                ),
              ),
            ),
          )
        : h('p', { class: 'hint' }, 'No efficiency or hardware claims.'),
      h('h3', {}, 'Code'),
      paper.codeUrls.length
        ? h(
            'ul',
            { class: 'code-links' },
            paper.codeUrls.map((url) =>
              h('li', {}, h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, url)),
            ),
          )
        : h('p', { class: 'hint' }, 'No code link in the abstract.'),
    ),
  );
}

const CONCEPT_GROUPS: { types: LinkType[]; heading: string }[] = [
  { types: ['PROPOSES'], heading: 'Proposed by' },
  { types: ['USES'], heading: 'Used by' },
  { types: ['COMPARES'], heading: 'Compared against by' },
  { types: ['EVALUATES_ON', 'ADDRESSES', 'MEASURES', 'ON'], heading: 'Also in' },
];

export function renderConcept(
  panel: HTMLElement,
  concept: ConceptDetails,
  actions: PanelActions,
  onClose: () => void,
): void {
  const kind = concept.kind.toLowerCase();
  panel.replaceChildren(
    h(
      'section',
      { class: 'panel concept-panel', 'data-testid': 'concept-panel' },
      closeButton(onClose),
      kindBadge(concept.kind),
      h('h2', {}, concept.name),
      otherNames(concept).length
        ? h('p', { class: 'meta' }, `Also written: ${otherNames(concept).join(', ')}`)
        : null,
      h(
        'p',
        { class: 'meta' },
        `${concept.paperCount} paper${concept.paperCount === 1 ? '' : 's'} link to it.`,
      ),
      nodeButtons(concept.id, actions),
      CONCEPT_GROUPS.map(({ types, heading }) => {
        const links = concept.papers.filter((p) => types.includes(p.type));
        if (!links.length) return null;
        return h(
          'section',
          { class: 'group' },
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

const RELATION_TEXT = {
  MENTIONS: 'says so itself',
  BUILDS_ON: 'builds on',
  CITES: 'cites',
} as const;

export function renderWhoUses(
  panel: HTMLElement,
  question: string,
  answer: WhoUsesAnswer,
  actions: PanelActions,
  onClose: () => void,
): void {
  const technique = answer.technique;
  if (!technique) {
    panel.replaceChildren(
      h(
        'section',
        { class: 'panel who-panel', 'data-testid': 'who-panel' },
        closeButton(onClose),
        h('h2', {}, `Who uses ${question}?`),
        h('p', {}, `No concept is called “${question}”. Try the search box for other spellings.`),
      ),
    );
    return;
  }
  const kind = technique.kind.toLowerCase();
  panel.replaceChildren(
    h(
      'section',
      { class: 'panel who-panel', 'data-testid': 'who-panel' },
      closeButton(onClose),
      h('h2', {}, `Who uses ${technique.name}?`),
      h(
        'p',
        { class: 'meta' },
        `${answer.totalCount} paper${answer.totalCount === 1 ? '' : 's'}`,
        answer.totalCount > answer.edges.length ? ` (showing ${answer.edges.length})` : '',
        ` · `,
        kindBadge(technique.kind),
        otherNames(technique).length ? ` also written ${otherNames(technique).join(', ')}` : '',
      ),
      h(
        'ol',
        { class: 'paper-list who-list', 'data-testid': 'who-list' },
        answer.edges.map((edge) =>
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
              edge.roles.map((r) => linkBadge(r)),
              edge.relation !== 'MENTIONS' ? ` ${RELATION_TEXT[edge.relation]} ` : ' ',
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
              ` · confidence ${formatConfidence(edge.confidence)}`,
            ),
            edge.evidence.slice(0, 2).map((e) => evidenceBlock(e, kind)),
          ),
        ),
      ),
    ),
  );
}

export function renderMessage(panel: HTMLElement, heading: string, text: string): void {
  panel.replaceChildren(h('section', { class: 'panel' }, h('h2', {}, heading), h('p', {}, text)));
}
