// A whoUses answer's picture: its papers on a time axis, one band per role, the concept in the
// middle and the variants the papers name beside it.
import { arrangeTimeline, type Arrangement } from '../graph/map-layouts.ts';
import { BAND_ORDER, bandLabel, timelineOf } from './who-uses-timeline.ts';
import type { WhoUsesAnswer } from './who-uses-to-slice.ts';

/** Answers above this many draw their links faint until an end is selected. */
const FAINT_ABOVE = 40;

export function arrangeAnswer(answer: WhoUsesAnswer): Arrangement | undefined {
  const technique = answer.technique;
  if (!technique) return undefined;
  const arranged = arrangeTimeline(
    technique.id,
    timelineOf(answer),
    BAND_ORDER.map((band) => ({ id: band, label: bandLabel(technique.kind, band) })),
  );
  let i = 0;
  const center = arranged.positions[technique.id];
  for (const edge of answer.edges) {
    if (edge.variant && !arranged.positions[edge.variant.id])
      arranged.positions[edge.variant.id] = { x: center.x - 60, y: center.y + 90 * ++i };
  }
  return { ...arranged, faintEdges: answer.edges.length > FAINT_ABOVE };
}
