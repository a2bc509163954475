// Distributions and the cross-tab of two segmenters (the matrix analysis of `segment segments --matrix a,b`).
import type { SegmentColumn } from "../types.js";

export interface CrossTab {
  /** Segmenter id of the rows. */
  rows: string;
  /** Segmenter id of the columns. */
  columns: string;
  rowLabels: string[];
  columnLabels: string[];
  /** Client counts: cells[rowLabel][columnLabel]; every pair of listed labels present, 0 included. */
  cells: Record<string, Record<string, number>>;
  rowTotals: Record<string, number>;
  columnTotals: Record<string, number>;
  total: number;
}

/** Labels in order: the segmenter's own label order first (closed sets), then the others by count (most first), then by code units. */
export function orderLabels(counts: ReadonlyMap<string, number>, known: readonly string[] | "open" = "open"): string[] {
  const first = known === "open" ? [] : [...known];
  const seen = new Set(first);
  const rest = [...counts.keys()]
    .filter((l) => !seen.has(l))
    .sort((a, b) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  return [...first, ...rest];
}

/** Clients per label, in first-seen order. */
export function countLabels(labels: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of labels) m.set(l, (m.get(l) ?? 0) + 1);
  return m;
}

/** Clients per label, in label order (a closed set lists its labels with 0 too). */
export function distribution(col: SegmentColumn, known: readonly string[] | "open" = "open"): Record<string, number> {
  const counts = countLabels(col.labels);
  const out: Record<string, number> = {};
  for (const l of orderLabels(counts, known)) out[l] = counts.get(l) ?? 0;
  return out;
}

/** The cross-tab of two segment columns over the same clients. */
export function crossTab(
  colA: SegmentColumn,
  colB: SegmentColumn,
  known: { rows?: readonly string[] | "open"; columns?: readonly string[] | "open" } = {},
): CrossTab {
  if (colA.labels.length !== colB.labels.length) {
    throw new Error(`crossTab: ${colA.id} has ${colA.labels.length} clients, ${colB.id} has ${colB.labels.length}`);
  }
  const rowLabels = orderLabels(countLabels(colA.labels), known.rows);
  const columnLabels = orderLabels(countLabels(colB.labels), known.columns);
  const cells: Record<string, Record<string, number>> = {};
  const rowTotals: Record<string, number> = {};
  const columnTotals: Record<string, number> = {};
  for (const r of rowLabels) {
    rowTotals[r] = 0;
    cells[r] = {};
    for (const c of columnLabels) cells[r]![c] = 0;
  }
  for (const c of columnLabels) columnTotals[c] = 0;
  for (let i = 0; i < colA.labels.length; i++) {
    const r = colA.labels[i]!;
    const c = colB.labels[i]!;
    cells[r]![c]!++;
    rowTotals[r]!++;
    columnTotals[c]!++;
  }
  return { rows: colA.id, columns: colB.id, rowLabels, columnLabels, cells, rowTotals, columnTotals, total: colA.labels.length };
}
