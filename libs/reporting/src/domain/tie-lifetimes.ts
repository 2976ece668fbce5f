/** Edges (in days) of the tie-lifetime histogram: a tie cut within a day is hygiene; one kept a year is not. */
export const TIE_LIFETIME_EDGES_DAYS = [1, 7, 30, 90, 365] as const;

export function tieLifetimeBuckets(): { label: string; fromDays: number; toDays: number | null }[] {
  const edges = [0, ...TIE_LIFETIME_EDGES_DAYS];
  return edges.map((fromDays, i) => {
    const toDays = TIE_LIFETIME_EDGES_DAYS[i] ?? null;
    return { label: toDays === null ? `≥ ${fromDays} days` : `${fromDays}–${toDays} days`, fromDays, toDays };
  });
}
