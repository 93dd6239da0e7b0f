// "Why is this link here?": a link's two ends, its type and role, and the sentences behind it.
import { formatConfidence, h } from '../dom.ts';
import type { EvidenceFieldsFragment, LinkType, NodeKind, Role } from '../gql/graphql.ts';
import { closeButton, evidenceBlock, linkBadge } from './panel-parts.ts';

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
    : h('p', { class: 'hint' }, WITHOUT_SENTENCE[link.type] ?? NO_SENTENCE);
}

const DERIVED =
  'This link is derived from other links (a paper that uses what another proposes), so it has no sentence of its own.';
const NO_SENTENCE = 'The server sent no evidence sentence for this link.';

/** Why links of some types come without a sentence. */
const WITHOUT_SENTENCE: Partial<Record<LinkType, string>> = {
  BUILDS_ON: DERIVED,
  CITES: DERIVED,
  PROPOSES: DERIVED,
  VARIANT_OF:
    'A variant is linked to its family by their names (ResNet-50 is a ResNet), not by a sentence.',
};
