import { describe, expect, it } from 'vitest';
import { renderEmail } from './index';
import type { RegistrationMailPayload } from './registration-common';

const payload: RegistrationMailPayload = {
  registrationId: 42,
  organisationName: 'Train of Hope e.V.',
  editionTitle: JSON.stringify({ de: 'Dortbund! 2027', en: 'Dortbund! 2027 (en)' }),
  startsOn: '2027-09-11',
  endsOn: '2027-09-12',
  standTypeName: JSON.stringify({ de: 'Infotisch', en: 'Information table' }),
  reason: null,
  statusUrl: 'http://festplatz.test/account/applications/42',
  setupInfo: JSON.stringify({ de: 'Zufahrt über die Kleppingstraße.', en: 'Vehicle access via Kleppingstraße.' }),
  setup: { startsAt: '2027-09-11T05:30:00.000Z', endsAt: '2027-09-11T08:00:00.000Z', derived: false, location: 'Friedensplatz 1, 44135 Dortmund' },
  decidedAt: '2026-11-25T12:00:00.000Z',
};

describe('registration emails', () => {
  it('approval: subject, setup time in Berlin, and a calendar entry in UTC', () => {
    const mail = renderEmail('registration-approved', payload, 'en');
    expect(mail.subject).toBe('Your stand at Dortbund! 2027 (en) is approved');
    expect(mail.text).toContain('Setup: Saturday, 11 September 2027, 07:30–10:00');
    expect(mail.text).toContain('Vehicle access via Kleppingstraße.');
    expect(mail.text).toContain('http://festplatz.test/account/applications/42');
    expect(mail.attachments).toHaveLength(1);
    const ics = mail.attachments![0]!;
    expect(ics.filename).toBe('setup.ics');
    expect(ics.contentType).toBe('text/calendar; charset=utf-8; method=PUBLISH');
    expect(ics.content).toContain('DTSTART:20270911T053000Z');
    expect(ics.content).toContain('DTEND:20270911T080000Z');
    expect(ics.content).toContain('UID:registration-42-setup@festplatz');
    expect(ics.content).toContain('DTSTAMP:20261125T120000Z');
    expect(ics.content).toContain('SUMMARY:Stand setup: Dortbund! 2027 (en)');
  });

  it('says when the setup time is derived from the opening hours', () => {
    const mail = renderEmail('registration-moved-up', { ...payload, setup: { ...payload.setup!, derived: true } }, 'de');
    expect(mail.subject).toBe('Ein Platz ist frei geworden: Ihr Stand bei Dortbund! 2027');
    expect(mail.text).toContain('(aus den Öffnungszeiten abgeleitet: zwei Stunden bevor die erste Bühne öffnet)');
    expect(mail.attachments).toHaveLength(1);
  });

  it('attaches no calendar entry when no setup time is known', () => {
    const mail = renderEmail('registration-approved', { ...payload, setup: null }, 'de');
    expect(mail.attachments).toEqual([]);
    expect(mail.text).not.toContain('setup.ics');
  });

  it('writes Arabic right to left, with the organisers’ reason', () => {
    const mail = renderEmail('registration-rejected', { ...payload, reason: 'Das Thema passt nicht.' }, 'ar');
    expect(mail.subject).toBe('طلبكم لـ Dortbund! 2027');
    expect(mail.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail.text).toContain('السبب: Das Thema passt nicht.');
  });

  it('has a subject in every language for every registration message', () => {
    const templates = ['registration-received', 'registration-approved', 'registration-waitlisted', 'registration-rejected', 'registration-moved-up', 'registration-cancelled'];
    for (const template of templates) {
      const subjects = new Set(['de', 'en', 'tr', 'ar', 'ro', 'bg'].map((l) => renderEmail(template, { ...payload, reason: 'x' }, l).subject));
      expect(subjects.size, template).toBe(6);
    }
    const invitation = renderEmail('organisation-invitation', { organisationName: 'VMDO', inviterName: 'Ayşe', url: 'http://x/invitations/t', days: 7 }, 'tr');
    expect(invitation.subject).toBe('Davet: VMDO irtibat kişisi');
    expect(invitation.text).toContain('http://x/invitations/t');
  });
});
