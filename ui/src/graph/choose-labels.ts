// Which node labels to print so that no two overlap: the most important first, each kept only
// where it collides with none already kept. Run again after every zoom, so zooming in shows more.

/** A label's box on screen (pixels) and how much it matters (bigger wins). */
export interface LabelBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  priority: number;
}

/** Grid cell side in pixels for the collision index: about a short label's width. */
const CELL = 64;

/**
 * The ids of the labels to show: greedy by priority (ties by id, so the choice is stable), a
 * label kept when its box, grown by `gap` pixels, meets no kept box. A grid of cells makes each
 * test look only at nearby boxes.
 */
export function chooseLabels(boxes: readonly LabelBox[], gap = 2): Set<string> {
  const ordered = [...boxes].sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
  const grid = new Map<string, LabelBox[]>();
  const shown = new Set<string>();
  const cells = (box: LabelBox) => {
    const keys: string[] = [];
    for (
      let cx = Math.floor((box.x - gap) / CELL);
      cx <= Math.floor((box.x + box.width + gap) / CELL);
      cx++
    )
      for (
        let cy = Math.floor((box.y - gap) / CELL);
        cy <= Math.floor((box.y + box.height + gap) / CELL);
        cy++
      )
        keys.push(`${cx}:${cy}`);
    return keys;
  };
  const meets = (a: LabelBox, b: LabelBox) =>
    a.x - gap < b.x + b.width &&
    b.x - gap < a.x + a.width &&
    a.y - gap < b.y + b.height &&
    b.y - gap < a.y + a.height;
  for (const box of ordered) {
    const keys = cells(box);
    if (keys.some((key) => grid.get(key)?.some((other) => meets(box, other)))) continue;
    shown.add(box.id);
    for (const key of keys) {
      const list = grid.get(key);
      if (list) list.push(box);
      else grid.set(key, [box]);
    }
  }
  return shown;
}

/**
 * A label's box from its text: below the node (the stylesheet's `text-valign: bottom`). A wrapped
 * label takes as many lines as its width needs; an unwrapped one is cut at `maxWidth`.
 */
export function labelBox(
  id: string,
  text: string,
  center: { x: number; y: number },
  nodeHeight: number,
  fontSize: number,
  maxWidth: number,
  priority: number,
  wrap = false,
): LabelBox {
  // An average glyph of a sans-serif face is a little over half the font size wide.
  const natural = text.length * fontSize * 0.56;
  const lines = wrap ? Math.max(1, Math.ceil(natural / maxWidth)) : 1;
  const width = Math.min(maxWidth, natural);
  const height = fontSize * 1.3 * lines;
  return { id, x: center.x - width / 2, y: center.y + nodeHeight / 2 + 2, width, height, priority };
}
