import { describe, expect, it } from 'vitest';
import { allowedTransitions, canTransition, isEditable, REGISTRATION_STATES, TRANSITIONS } from './transitions';

describe('the transition table of an application', () => {
  it('knows every state, and rejected and cancelled are final', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...REGISTRATION_STATES].sort());
    expect(allowedTransitions('rejected', 'organiser')).toEqual([]);
    expect(allowedTransitions('cancelled', 'member')).toEqual([]);
    expect(allowedTransitions('cancelled', 'system')).toEqual([]);
  });

  it('lets organisers decide on submitted applications and nobody else', () => {
    expect(allowedTransitions('submitted', 'organiser')).toEqual(['approved', 'waitlisted', 'rejected']);
    expect(allowedTransitions('submitted', 'member')).toEqual(['withdrawn']);
    expect(canTransition('submitted', 'approved', 'member')).toBe(false);
    expect(canTransition('submitted', 'approved', 'system')).toBe(false);
  });

  it('never approves a withdrawn application; only the waiting list moves up by itself', () => {
    expect(canTransition('withdrawn', 'approved', 'organiser')).toBe(false);
    expect(canTransition('waitlisted', 'approved', 'system')).toBe(true);
    expect(allowedTransitions('withdrawn', 'member')).toEqual(['draft']);
  });

  it('lets the association withdraw anything still open, and edit only before review', () => {
    for (const state of ['draft', 'submitted', 'approved', 'waitlisted', 'confirmed'] as const) {
      expect(canTransition(state, 'withdrawn', 'member'), state).toBe(true);
    }
    for (const state of ['withdrawn', 'rejected', 'cancelled'] as const) expect(canTransition(state, 'withdrawn', 'member'), state).toBe(false);
    expect(REGISTRATION_STATES.filter(isEditable)).toEqual(['draft', 'submitted']);
  });

  it('cancels only approved or confirmed stands, by the organisers', () => {
    expect(REGISTRATION_STATES.filter((s) => canTransition(s, 'cancelled', 'organiser'))).toEqual(['approved', 'confirmed']);
    expect(REGISTRATION_STATES.filter((s) => canTransition(s, 'cancelled', 'member'))).toEqual([]);
  });
});
