/** Whether a stand fits a pitch, and a greedy suggestion for placing the rest. Pure. */

export interface PitchSpace {
  id: number;
  label: string;
  width: number;
  height: number;
  power_available: number;
  water: number;
}
export interface StandNeeds {
  id: number;
  width_m: number;
  depth_m: number;
  power_watts: number;
  water: number;
}

export type FitProblem = 'too_small' | 'not_enough_power' | 'no_water';

/** Every reason the stand cannot go on the pitch; none means it fits (it may be turned by 90°). */
export function fitProblems(pitch: PitchSpace, stand: StandNeeds): FitProblem[] {
  const problems: FitProblem[] = [];
  const fits =
    (stand.width_m <= pitch.width && stand.depth_m <= pitch.height) || (stand.width_m <= pitch.height && stand.depth_m <= pitch.width);
  if (!fits) problems.push('too_small');
  if (stand.power_watts > pitch.power_available) problems.push('not_enough_power');
  if (stand.water && !pitch.water) problems.push('no_water');
  return problems;
}

export interface Suggestion {
  registrationId: number;
  pitchId: number | null;
}

/**
 * Largest stands first (by area, then power, then water); each takes the smallest free pitch
 * it fits, so big pitches, power and water stay for those who need them.
 */
export function suggestPlacement(freePitches: PitchSpace[], stands: StandNeeds[]): Suggestion[] {
  const free = [...freePitches].sort(
    (a, b) => a.width * a.height - b.width * b.height || a.power_available - b.power_available || a.water - b.water || a.id - b.id,
  );
  const order = [...stands].sort(
    (a, b) => b.width_m * b.depth_m - a.width_m * a.depth_m || b.power_watts - a.power_watts || b.water - a.water || a.id - b.id,
  );
  const taken = new Set<number>();
  return order.map((stand) => {
    const pitch = free.find((p) => !taken.has(p.id) && fitProblems(p, stand).length === 0);
    if (pitch) taken.add(pitch.id);
    return { registrationId: stand.id, pitchId: pitch?.id ?? null };
  });
}
