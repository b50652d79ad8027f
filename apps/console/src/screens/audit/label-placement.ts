/** A label to place beside an arrow: where it starts, how wide it is, the span it may move in. */
export interface LabelSlot {
  x: number;
  width: number;
  /** Its preferred baseline (the arrow's middle) and the band it may move within. */
  y: number;
  minY: number;
  maxY: number;
}

/** The height of one line of an 11 px label, and the gap kept between two. */
export const LABEL_LINE = 13;

/**
 * Baselines for arrow labels that do not overlap: handoffs minutes apart on a picture that spans
 * days share almost the same x, and their referral numbers would print over each other. Greedy,
 * left to right: each label takes the nearest free line to its arrow's middle (middle, one up, one
 * down, two up, …) inside its arrow's span; when every line there is taken it keeps its middle.
 */
export function placeLabels(slots: readonly LabelSlot[]): number[] {
  const placed: { x1: number; x2: number; y: number }[] = [];
  const order = slots.map((_, i) => i).sort((a, b) => slots[a].x - slots[b].x);
  const result: number[] = new Array<number>(slots.length);
  for (const i of order) {
    const slot = slots[i];
    const clashes = (y: number) =>
      placed.some(
        (p) => p.x1 < slot.x + slot.width && slot.x < p.x2 && Math.abs(p.y - y) < LABEL_LINE,
      );
    let chosen = slot.y;
    for (let step = 0; step <= 2 * Math.ceil((slot.maxY - slot.minY) / LABEL_LINE); step++) {
      const offset = (step % 2 ? -1 : 1) * Math.ceil(step / 2) * LABEL_LINE;
      const y = slot.y + offset;
      if (y < slot.minY || y > slot.maxY) continue;
      if (!clashes(y)) {
        chosen = y;
        break;
      }
    }
    placed.push({ x1: slot.x, x2: slot.x + slot.width, y: chosen });
    result[i] = chosen;
  }
  return result;
}
