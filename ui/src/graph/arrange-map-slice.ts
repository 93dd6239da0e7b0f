// The concept map's picture: its concepts grouped by kind, in the order of the legend.
import type { ConceptKind } from '../gql/graphql.ts';
import { NODE_KINDS, NODE_LOOKS } from './graph-style.ts';
import { arrangeConceptMap, type Arrangement } from './map-layouts.ts';
import type { GraphSlice } from './slice-to-elements.ts';

/** `columns`: groups side by side (more on a wide stage). */
export function arrangeMapSlice(data: GraphSlice, columns: number): Arrangement {
  return arrangeConceptMap(
    data.nodes.map((n) => ({ id: n.id, kind: n.kind, paperCount: n.paperCount ?? n.degree })),
    NODE_KINDS,
    (kind, count) => `${NODE_LOOKS[kind as ConceptKind].label} · top ${count}`,
    columns,
  );
}
