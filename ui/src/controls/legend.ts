// The legend doubles as the filter: one checkbox per node kind and link type, each with a swatch
// drawn from the same table as the graph's stylesheet.
import { h } from '../dom.ts';
import type { LinkType, NodeKind } from '../gql/graphql.ts';
import {
  LINK_LOOKS,
  LINK_TYPES,
  NODE_KINDS,
  NODE_LOOKS,
  type NodeShape,
} from '../graph/graph-style.ts';

const SVG = 'http://www.w3.org/2000/svg';

const SHAPES: Record<NodeShape, string> = {
  'round-rectangle': 'M4 4h12a3 3 0 0 1 3 3v6a3 3 0 0 1-3 3H4a3 3 0 0 1-3-3V7a3 3 0 0 1 3-3z',
  ellipse: 'M10 2a8 8 0 1 1 0 16a8 8 0 1 1 0-16z',
  hexagon: 'M5 2h10l4 8l-4 8H5l-4-8z',
  barrel: 'M5 2h10q3 8 0 16H5q-3-8 0-16z',
  diamond: 'M10 1l9 9l-9 9l-9-9z',
  triangle: 'M10 2l9 16H1z',
  octagon: 'M6 1h8l5 5v8l-5 5H6l-5-5V6z',
  tag: 'M1 3h13l5 7l-5 7H1z',
  'round-triangle': 'M10 3l8 14H2z',
};

function svg(children: SVGElement[]): SVGSVGElement {
  const element = document.createElementNS(SVG, 'svg');
  element.setAttribute('viewBox', '0 0 20 20');
  element.setAttribute('width', '20');
  element.setAttribute('height', '20');
  element.setAttribute('aria-hidden', 'true');
  element.append(...children);
  return element;
}

function shapeSwatch(kind: NodeKind): SVGSVGElement {
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', SHAPES[NODE_LOOKS[kind].shape]);
  path.setAttribute('fill', NODE_LOOKS[kind].color);
  path.setAttribute('stroke-linejoin', 'round');
  return svg([path]);
}

function lineSwatch(type: LinkType): SVGSVGElement {
  const look = LINK_LOOKS[type];
  const line = document.createElementNS(SVG, 'path');
  line.setAttribute('d', 'M1 10H15');
  line.setAttribute('stroke', look.color);
  line.setAttribute('stroke-width', String(Math.max(1.5, look.width)));
  if (look.lineStyle === 'dashed') line.setAttribute('stroke-dasharray', '4 2');
  if (look.lineStyle === 'dotted') line.setAttribute('stroke-dasharray', '1.5 2');
  const head = document.createElementNS(SVG, 'path');
  head.setAttribute('d', 'M14 6l5 4l-5 4z');
  head.setAttribute('fill', look.color);
  return svg([line, head]);
}

export interface LegendHandlers {
  onKinds(hidden: NodeKind[]): void;
  onLinks(hidden: LinkType[]): void;
}

export interface Legend {
  show(hiddenKinds: readonly NodeKind[], hiddenLinks: readonly LinkType[]): void;
}

export function createLegend(
  kindHost: HTMLElement,
  linkHost: HTMLElement,
  handlers: LegendHandlers,
): Legend {
  const kindBoxes = new Map<NodeKind, HTMLInputElement>();
  const linkBoxes = new Map<LinkType, HTMLInputElement>();
  const hiddenOf = <K extends string>(boxes: Map<K, HTMLInputElement>) =>
    [...boxes].filter(([, box]) => !box.checked).map(([key]) => key);

  kindHost.replaceChildren(
    ...NODE_KINDS.map((kind) => {
      const box = h('input', { type: 'checkbox', checked: true, 'data-kind': kind });
      box.addEventListener('change', () => handlers.onKinds(hiddenOf(kindBoxes)));
      kindBoxes.set(kind, box);
      return h('label', { class: 'filter' }, box, shapeSwatch(kind), NODE_LOOKS[kind].label);
    }),
  );
  linkHost.replaceChildren(
    ...LINK_TYPES.map((type) => {
      const box = h('input', { type: 'checkbox', checked: true, 'data-link': type });
      box.addEventListener('change', () => handlers.onLinks(hiddenOf(linkBoxes)));
      linkBoxes.set(type, box);
      const look = LINK_LOOKS[type];
      return h(
        'label',
        { class: 'filter', title: look.colorOfTarget ? 'Drawn in the colour of its target' : null },
        box,
        lineSwatch(type),
        look.label,
      );
    }),
  );
  return {
    show(hiddenKinds, hiddenLinks) {
      for (const [kind, box] of kindBoxes) box.checked = !hiddenKinds.includes(kind);
      for (const [type, box] of linkBoxes) box.checked = !hiddenLinks.includes(type);
    },
  };
}
