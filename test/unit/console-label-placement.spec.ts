import {
  LABEL_LINE,
  placeLabels,
  type LabelSlot,
} from '../../apps/console/src/screens/audit/label-placement';

const slot = (x: number, over: Partial<LabelSlot> = {}): LabelSlot => ({
  x,
  width: 90,
  y: 100,
  minY: 40,
  maxY: 160,
  ...over,
});

/** Two labels overlap when their boxes share x and their baselines are less than a line apart. */
function overlaps(slots: LabelSlot[], ys: number[]): [number, number][] {
  const pairs: [number, number][] = [];
  for (let a = 0; a < slots.length; a++)
    for (let b = a + 1; b < slots.length; b++)
      if (
        slots[a].x < slots[b].x + slots[b].width &&
        slots[b].x < slots[a].x + slots[a].width &&
        Math.abs(ys[a] - ys[b]) < LABEL_LINE
      )
        pairs.push([a, b]);
  return pairs;
}

describe('arrow labels of the handoff picture', () => {
  it('leaves labels far apart on their arrows’ middles', () => {
    expect(placeLabels([slot(0), slot(200), slot(400)])).toEqual([100, 100, 100]);
  });

  it('stacks the numbers of handoffs minutes apart without printing one over another', () => {
    const burst = [slot(300), slot(304), slot(310), slot(312), slot(318), slot(330)];
    const ys = placeLabels(burst);
    expect(overlaps(burst, ys)).toEqual([]);
    for (const [i, y] of ys.entries()) {
      expect(y).toBeGreaterThanOrEqual(burst[i].minY);
      expect(y).toBeLessThanOrEqual(burst[i].maxY);
    }
    expect(ys[0]).toBe(100); // the first keeps its middle
  });

  it('keeps a label inside its own arrow’s span, even when that leaves a clash', () => {
    const tight = [slot(0, { minY: 95, maxY: 105 }), slot(5, { minY: 95, maxY: 105 })];
    expect(placeLabels(tight)).toEqual([100, 100]);
  });
});
