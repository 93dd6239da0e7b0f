// Cytoscape's options for the layouts a reader can pick, tuned by the size of what is drawn.
import type { Core, LayoutOptions, NodeSingular } from 'cytoscape';
import type { LayoutName } from '../view/view-state.ts';

/** Above this many elements, fcose skips its force refinement (spectral placement only). */
export const BIG_GRAPH = 1200;

/** Options for laying out everything drawn in `cy`; `rootId` starts a breadth-first layout. */
export function layoutOptions(
  cy: Core,
  name: LayoutName,
  incremental: boolean,
  rootId?: string,
): LayoutOptions {
  const size = cy.elements().length;
  const big = size > BIG_GRAPH;
  if (name === 'concentric') {
    const maxDegree = Math.max(1, ...cy.nodes().map((n) => Number(n.data('degree'))));
    return {
      name: 'concentric',
      animate: false,
      concentric: (n: NodeSingular) => Number(n.data('degree')),
      levelWidth: () => maxDegree / 6,
      minNodeSpacing: big ? 4 : 12,
      avoidOverlap: !big,
      nodeDimensionsIncludeLabels: !big,
      padding: 30,
    } as LayoutOptions;
  }
  if (name === 'breadthfirst') {
    const wanted = rootId ? cy.getElementById(rootId) : cy.collection();
    const selected = cy.nodes(':selected');
    const root = wanted.nonempty()
      ? wanted
      : selected.nonempty()
        ? selected
        : cy.nodes().max((n) => Number(n.data('degree'))).ele;
    return {
      name: 'breadthfirst',
      animate: false,
      directed: false,
      roots: root ? root : undefined,
      spacingFactor: big ? 0.6 : 1,
      avoidOverlap: !big,
      nodeDimensionsIncludeLabels: !big,
      padding: 30,
    } as LayoutOptions;
  }
  return {
    name: 'fcose',
    quality: big ? 'draft' : 'default',
    randomize: !incremental,
    animate: false,
    fit: true,
    padding: 30,
    packComponents: false,
    idealEdgeLength: () => 80,
    nodeRepulsion: () => 12000,
    nodeDimensionsIncludeLabels: false,
    nodeSeparation: big ? 140 : 75,
    numIter: size > 400 ? 600 : 2500,
    // Nodes on their own (no drawn links) are tiled in a block instead of scattered.
    tile: true,
  } as LayoutOptions;
}
