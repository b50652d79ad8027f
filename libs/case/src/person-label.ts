/** Pseudonymous label safe to show everywhere: "Korban 1", "Korban 2", … */
export const personLabel = (position: number): string => `Korban ${position}`;

/** A child under Indonesian law (UU 35/2014): under 18 years old on the given day. */
export function isChildOn(birthDate: string | null, day: Date): boolean {
  if (!birthDate) return false;
  const [y, m, d] = birthDate.split('-').map(Number);
  const eighteenth = Date.UTC(y + 18, m - 1, d);
  return day.getTime() < eighteenth;
}
