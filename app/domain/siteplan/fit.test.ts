import { describe, expect, it } from 'vitest';
import { fitProblems, suggestPlacement } from './fit';

const pitch = (id: number, width: number, height: number, power_available = 0, water = 0) => ({ id, label: String(id), width, height, power_available, water });
const stand = (id: number, width_m: number, depth_m: number, power_watts = 0, water = 0) => ({ id, width_m, depth_m, power_watts, water });

describe('placing stands on pitches', () => {
  it('lets a stand turn by 90 degrees and names every unmet need', () => {
    expect(fitProblems(pitch(1, 3, 6), stand(1, 6, 3))).toEqual([]);
    expect(fitProblems(pitch(1, 3, 3), stand(1, 6, 3, 1000, 1))).toEqual(['too_small', 'not_enough_power', 'no_water']);
    expect(fitProblems(pitch(1, 4, 4, 2000, 1), stand(1, 3, 3, 2000, 1))).toEqual([]);
  });

  it('places the largest stands first, each on the smallest pitch it fits', () => {
    const suggestions = suggestPlacement(
      [pitch(1, 7, 4), pitch(2, 4, 4, 2000), pitch(3, 3, 2), pitch(4, 4, 4)],
      [stand(10, 2, 1), stand(11, 6, 3), stand(12, 3, 3, 1000), stand(13, 3, 3), stand(14, 6, 3)],
    );
    expect(suggestions).toEqual([
      { registrationId: 11, pitchId: 1 },
      { registrationId: 14, pitchId: null },
      { registrationId: 12, pitchId: 2 },
      { registrationId: 13, pitchId: 4 },
      { registrationId: 10, pitchId: 3 },
    ]);
  });
});
