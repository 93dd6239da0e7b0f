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
  type PanelActions,
} from './panel-parts.ts';

export type PaperDetails = NonNullable<PaperDetailsQuery['paper']>;

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
                        'aria-label': `Why is this paper linked to ${link.concept.name} (${LINK_LOOKS[link.type].label})?`,
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
