/**
 * CTDC's publication rule (docs/data-protection.md, "Statistics: k-anonymity"): no published cell
 * counts fewer than k persons. A cell under k is published as suppressed — its dimensions only,
 * every count and measure null — so neither the small number nor anything derived from it
 * (medians, outcomes) appears. No totals or margins are ever published beside the cells, so a
 * suppressed cell cannot be recovered by subtracting published cells from a total.
 */
export const K_ANONYMITY = 11;

export interface CountedCell {
  /** Distinct persons (victims) the cell counts: what k applies to. */
  persons: number;
}

export type Published<T extends CountedCell, D extends keyof T> = Pick<T, D> & {
  suppressed: boolean;
} & { [M in Exclude<keyof T, D>]: T[M] | null };

/** Each cell as it may be published: in full from k persons up, else its dimensions only. */
export function suppressSmallCells<T extends CountedCell, D extends keyof T>(
  cells: readonly T[],
  dimensions: readonly D[],
  k: number = K_ANONYMITY,
): Published<T, D>[] {
  if (!Number.isInteger(k) || k < 2) throw new Error(`k must be a whole number ≥ 2 (got ${k})`);
  return cells.map((cell) => {
    if (cell.persons >= k) return { ...cell, suppressed: false };
    const masked: Record<PropertyKey, unknown> = { suppressed: true };
    for (const key of Object.keys(cell)) masked[key] = null;
    for (const dimension of dimensions) masked[dimension] = cell[dimension];
    return masked as Published<T, D>;
  });
}
