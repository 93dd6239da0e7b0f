// A paper: its abstract with every finding marked, its links (each with "Why?"), claims and code.
import { formatConfidence, h } from '../dom.ts';
import type { NodeKind, PaperDetailsQuery } from '../gql/graphql.ts';
import { LINK_LOOKS, NODE_LOOKS } from '../graph/graph-style.ts';
import { renderLink } from './link-panel.ts';
import type { MentionSpan } from './mark-mentions.ts';
import {
  closeButton,
  kindBadge,
  linkBadge,
  markedText,
  nodeButtons,
  table,
  type PanelActions,
} from './panel-parts.ts';

export type PaperDetails = NonNullable<PaperDetailsQuery['paper']>;

type PaperLink = PaperDetails['concepts'][number];
type PaperClaim = PaperDetails['claims'][number];

export function renderPaper(
  panel: HTMLElement,
  paper: PaperDetails,
  actions: PanelActions,
  onClose: () => void,
): void {
  const spans = mentionSpans(paper);
  const kindsPresent = [...new Set(paper.concepts.map((l) => l.concept.kind as NodeKind))];
  if (paper.claims.length) kindsPresent.push('CLAIM');
  const links = [...paper.concepts].sort((a, b) => b.confidence - a.confidence);
  const showWhy = (link: PaperLink) => {
    actions.highlightLink(paper.id, link.concept.id, link.type);
    renderLink(
      panel,
      {
        source: { id: paper.id, label: paper.title, kind: 'PAPER' },
        target: { id: link.concept.id, label: link.concept.name, kind: link.concept.kind },
        type: link.type,
        role: link.role,
        confidence: link.confidence,
        evidence: link.evidence,
      },
      () => renderPaper(panel, paper, actions, onClose),
      paper.abstract,
    );
  };

  panel.replaceChildren(
    h(
      'section',
      { class: 'panel paper-panel', 'data-testid': 'paper-panel' },
      closeButton(onClose),
      kindBadge('PAPER'),
      h('h2', {}, markedText(paper.title, spans.TITLE)),
      paperMeta(paper),
      nodeButtons(paper.id, actions),
      h('h3', {}, 'Abstract'),
      h('p', { class: 'mention-legend' }, 'Highlighted: ', kindsPresent.map(kindBadge)),
      h(
        'p',
        { class: 'abstract', 'data-testid': 'abstract' },
        markedText(paper.abstract, spans.ABSTRACT),
      ),
      h('h3', {}, `Links (${links.length})`),
      links.length
        ? linksTable(links, actions, showWhy)
        : h('p', { class: 'hint' }, 'No concepts were found in this paper.'),
      h('h3', {}, `Claims (${paper.claims.length})`),
      paper.claims.length
        ? claimsTable(paper.claims)
        : h('p', { class: 'hint' }, 'No efficiency or hardware claims.'),
      h('h3', {}, 'Code'),
      paper.codeUrls.length
        ? h(
            'ul',
            { class: 'code-links' },
            paper.codeUrls.map((url) => h('li', {}, externalLink(url, url))),
          )
        : h('p', { class: 'hint' }, 'No code link in the abstract.'),
    ),
  );
}

/** Where each finding sits in the title and the abstract, to mark it there. */
export function mentionSpans(paper: Pick<PaperDetails, 'concepts' | 'claims'>) {
  const spans = { TITLE: [] as MentionSpan[], ABSTRACT: [] as MentionSpan[] };
  for (const link of paper.concepts) {
    const look = `${NODE_LOOKS[link.concept.kind].label.toLowerCase()}, ${LINK_LOOKS[link.type].label}`;
    for (const { field, start, end, text } of link.evidence) {
      const kind = link.concept.kind.toLowerCase();
      spans[field].push({ start, end, text, kind, title: `${link.concept.name} (${look})` });
    }
  }
  for (const claim of paper.claims) {
    for (const { field, start, end, text } of claim.evidence)
      spans[field].push({
        start,
        end,
        text,
        kind: 'claim',
        title: `claim: ${claim.kind.toLowerCase()}`,
      });
  }
  return spans;
}

/** Date, venue and authors, and the way to the paper itself. */
function paperMeta(paper: PaperDetails): (HTMLElement | null)[] {
  const facts = [paper.published, paper.venue, paper.authors.map((a) => a.name).join(', ')];
  return [
    facts.some(Boolean) ? h('p', { class: 'meta' }, facts.filter(Boolean).join(' · ')) : null,
    paper.url ? h('p', {}, externalLink(paper.url, 'Read the paper ↗')) : null,
  ];
}

const externalLink = (href: string, text: string) =>
  h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, text);

function linksTable(
  links: PaperLink[],
  actions: PanelActions,
  showWhy: (link: PaperLink) => void,
): HTMLElement {
  const header = ['Concept', 'Link', 'Conf.', h('span', { class: 'sr-only' }, 'Evidence')];
  return table({ class: 'links' }, header, links, (link) => [
    [
      h(
        'button',
        { type: 'button', class: 'link-button', onclick: () => actions.openNode(link.concept.id) },
        link.concept.name,
      ),
      ' ',
      kindBadge(link.concept.kind),
    ],
    linkBadge(link.type),
    formatConfidence(link.confidence),
    h(
      'button',
      {
        type: 'button',
        class: 'why',
        'aria-label': `Why is this paper linked to ${link.concept.name} (${LINK_LOOKS[link.type].label})?`,
        onclick: () => showWhy(link),
      },
      'Why?',
    ),
  ]);
}

function claimsTable(claims: PaperClaim[]): HTMLElement {
  const header = ['Value', 'Unit', 'Kind', 'Hardware', 'Baseline'];
  return table({ class: 'claims', 'data-testid': 'claims' }, header, claims, (c) => [
    c.value,
    c.unit,
    c.kind.toLowerCase().replace('_', ' '),
    c.hardware ?? '—',
    c.baseline ?? '—',
  ]);
}
