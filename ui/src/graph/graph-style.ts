// How each kind of node and each type of link looks: one table read by the Cytoscape stylesheet
// and by the legend, so the two can never disagree. Colours are the Okabe-Ito palette (safe for
// colour-blind readers) and every kind also has its own shape, so colour is never the only cue.
import type { StylesheetJson } from 'cytoscape';
import type { LinkType, NodeKind } from '../gql/graphql.ts';

export type NodeShape =
  | 'round-rectangle'
  | 'ellipse'
  | 'hexagon'
  | 'barrel'
  | 'diamond'
  | 'triangle'
  | 'octagon'
  | 'tag'
  | 'round-triangle';

export interface NodeLook {
  label: string;
  color: string;
  shape: NodeShape;
}

export interface LinkLook {
  label: string;
  color: string;
  lineStyle: 'solid' | 'dashed' | 'dotted';
  width: number;
  /** Drawn in the colour of the target's kind (a variant in its family's), `color` in the legend. */
  colorOfTarget?: true;
}

export const NODE_LOOKS: Record<NodeKind, NodeLook> = {
  PAPER: { label: 'Paper', color: '#3d4f66', shape: 'round-rectangle' },
  METHOD: { label: 'Method', color: '#0072b2', shape: 'ellipse' },
  MODEL: { label: 'Model', color: '#cc79a7', shape: 'hexagon' },
  DATASET: { label: 'Dataset', color: '#009e73', shape: 'barrel' },
  TASK: { label: 'Task', color: '#e69f00', shape: 'diamond' },
  METRIC: { label: 'Metric', color: '#56b4e9', shape: 'triangle' },
  HARDWARE: { label: 'Hardware', color: '#d55e00', shape: 'octagon' },
  CLAIM: { label: 'Claim', color: '#c9b800', shape: 'tag' },
  AUTHOR: { label: 'Author', color: '#8a8a8a', shape: 'round-triangle' },
};

export const LINK_LOOKS: Record<LinkType, LinkLook> = {
  PROPOSES: { label: 'proposes', color: '#b8430b', lineStyle: 'solid', width: 4 },
  USES: { label: 'uses', color: '#0062a0', lineStyle: 'solid', width: 2.5 },
  COMPARES: { label: 'compares with', color: '#8a3f74', lineStyle: 'dashed', width: 2.5 },
  // Related work only: present for completeness, drawn so it never competes with real use.
  BACKGROUND: { label: 'background', color: '#b8bcc2', lineStyle: 'dotted', width: 1 },
  EVALUATES_ON: { label: 'evaluates on', color: '#00795a', lineStyle: 'dotted', width: 3 },
  ADDRESSES: { label: 'addresses', color: '#a36f00', lineStyle: 'dashed', width: 2 },
  MEASURES: { label: 'measures', color: '#2f7fa8', lineStyle: 'dotted', width: 2 },
  CLAIMS: { label: 'claims', color: '#8c8000', lineStyle: 'solid', width: 1.5 },
  ON: { label: 'on hardware', color: '#b04d00', lineStyle: 'dotted', width: 1.5 },
  AGAINST: { label: 'against', color: '#7d5a00', lineStyle: 'dotted', width: 1.5 },
  VARIANT_OF: {
    label: 'variant of',
    color: '#8a94a3',
    lineStyle: 'dashed',
    width: 2,
    colorOfTarget: true,
  },
  BUILDS_ON: { label: 'builds on', color: '#222222', lineStyle: 'dashed', width: 3 },
  CITES: { label: 'cites', color: '#6b6b6b', lineStyle: 'dotted', width: 1.5 },
  WROTE: { label: 'wrote', color: '#9a9a9a', lineStyle: 'solid', width: 1 },
  // The concept map's links: how often two concepts are named in the same papers.
  CO_OCCURS: { label: 'named together', color: '#7c8794', lineStyle: 'solid', width: 6 },
};

/** Font size of group and axis titles on the canvas. */
export const AXIS_FONT = 30;

export const NODE_KINDS = Object.keys(NODE_LOOKS) as NodeKind[];
export const LINK_TYPES = Object.keys(LINK_LOOKS) as LinkType[];

/** Nodes and links by kind and type, from the look tables. */
const ELEMENT_STYLES: StylesheetJson = [
  {
    selector: 'node',
    style: {
      width: 'data(size)',
      height: 'data(size)',
      label: 'data(label)',
      'font-family': 'system-ui, sans-serif',
      'font-size': 13,
      color: '#1b1f24',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'ellipsis',
      'text-max-width': '160px',
      'text-outline-color': '#ffffff',
      'text-outline-width': 2,
      'text-outline-opacity': 0.9,
      // Labels vanish when zoomed out far enough that they would be unreadable anyway.
      'min-zoomed-font-size': 6,
      'border-width': 1.5,
      'border-color': '#ffffff',
      // One stacking order for nodes and edges, so a faded node never covers (nor takes the
      // clicks of) a link of the selection.
      'z-index-compare': 'manual',
      'z-index': 4,
    },
  },
  ...Object.entries(NODE_LOOKS).map(([kind, look]) => ({
    selector: `node.${kind.toLowerCase()}`,
    style: { 'background-color': look.color, shape: look.shape },
  })),
  {
    selector: 'node.paper',
    style: {
      width: 'data(paperWidth)',
      height: 'data(paperHeight)',
      'font-size': 11,
      'text-max-width': '180px',
      // Paper titles are long: they appear once zoomed in, while concept names show earlier.
      'min-zoomed-font-size': 9,
    },
  },
  {
    selector: 'edge',
    style: {
      width: 'data(width)',
      'curve-style': 'straight',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.8,
      opacity: 0.75,
      'z-index-compare': 'manual',
      'z-index': 3,
    },
  },
  ...Object.entries(LINK_LOOKS).map(([type, look]) => ({
    selector: `edge.${type.toLowerCase()}`,
    style: {
      'line-color': look.color,
      'target-arrow-color': look.color,
      'line-style': look.lineStyle,
    },
  })),
];

/** What the pictures add: colours of target, the concept map's fonts and links, time axes. */
const PICTURE_STYLES: StylesheetJson = [
  // `lineColor` is set by sliceToElements for the types drawn in their target's colour.
  {
    selector: 'edge[lineColor]',
    style: { 'line-color': 'data(lineColor)', 'target-arrow-color': 'data(lineColor)' },
  },
  // Concept-map nodes carry their own font size: the most used read first.
  {
    selector: 'node[fontSize]',
    style: { 'font-size': 'data(fontSize)', 'text-wrap': 'wrap', 'text-max-width': '180px' },
  },
  {
    selector: 'edge.co_occurs',
    style: { 'curve-style': 'haystack', 'target-arrow-shape': 'none', opacity: 0.3 },
  },
  // Links of a time axis would cross the whole picture: faint until their paper is selected.
  { selector: 'edge.faint', style: { opacity: 0.08 } },
  { selector: 'edge.lit', style: { opacity: 0.9 } },
  {
    // Group and axis titles: text on the canvas, not nodes one can click.
    selector: 'node.axis',
    style: {
      width: 1,
      height: 1,
      'background-opacity': 0,
      'border-width': 0,
      'font-size': AXIS_FONT,
      'font-weight': 'bold',
      color: '#4a5563',
      'text-valign': 'center',
      'text-max-width': '400px',
      'min-zoomed-font-size': 0,
      events: 'no',
    },
  },
];

/** What the reader does to the view: labels chosen, filters, the selection and what fades. */
const STATE_STYLES: StylesheetJson = [
  // Labels that would overlap a more important one (see choose-labels.ts).
  { selector: 'node.no-label', style: { label: '' } },
  { selector: '.filtered', style: { display: 'none' } },
  { selector: 'edge.faded', style: { opacity: 0.2, 'z-index': 0 } },
  { selector: 'node.faded', style: { opacity: 0.3, 'z-index': 1 } },
  {
    selector: 'edge.bulk',
    style: { 'curve-style': 'haystack', 'target-arrow-shape': 'none' },
  },
  // Faint links stay fainter than a faded one: the time axis's hundreds of links to its concept.
  { selector: 'edge.faint.faded', style: { opacity: 0.04 } },
  {
    selector: 'node:selected',
    style: { 'border-width': 4, 'border-color': '#111111', 'z-index': 10 },
  },
  {
    selector: 'edge:selected',
    style: {
      opacity: 1,
      'underlay-color': '#f5c400',
      'underlay-opacity': 0.6,
      'underlay-padding': 4,
      'z-index': 9,
    },
  },
];

/** The Cytoscape stylesheet; element classes and data come from `sliceToElements`. */
export function createStylesheet(): StylesheetJson {
  return [...ELEMENT_STYLES, ...PICTURE_STYLES, ...STATE_STYLES];
}
