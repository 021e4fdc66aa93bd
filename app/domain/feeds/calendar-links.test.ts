import { describe, expect, it } from 'vitest';
import { addEventLinks, compactUtc, subscribeLinks, webcalUrl } from './calendar-links';

describe('links into calendars', () => {
  it('subscribes by webcal, Google and Outlook to the same feed', () => {
    const links = subscribeLinks('https://feste.example', '/calendar.ics?series=djelem-djelem', 'Djelem Djelem');
    expect(links.path).toBe('/calendar.ics?series=djelem-djelem');
    expect(links.webcal).toBe('webcal://feste.example/calendar.ics?series=djelem-djelem');
    expect(links.google).toBe('https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Ffeste.example%2Fcalendar.ics%3Fseries%3Ddjelem-djelem');
    expect(links.outlook).toBe(
      'https://outlook.live.com/calendar/0/addfromweb?url=https%3A%2F%2Ffeste.example%2Fcalendar.ics%3Fseries%3Ddjelem-djelem&name=Djelem%20Djelem',
    );
    expect(webcalUrl('http://localhost:3000/calendar.ics')).toBe('webcal://localhost:3000/calendar.ics');
  });

  it('adds one item with UTC times on both sides of the clock change', () => {
    expect(compactUtc('2027-10-30T17:00:00.000Z')).toBe('20271030T170000Z');
    const links = addEventLinks({ title: 'Abschlusskonzert', details: 'Alle, gemeinsam', location: 'Großer Saal', starts_at: '2027-10-31T16:00:00.000Z', ends_at: '2027-10-31T18:00:00.000Z' });
    const google = new URL(links.google);
    expect(google.searchParams.get('dates')).toBe('20271031T160000Z/20271031T180000Z');
    expect(google.searchParams.get('text')).toBe('Abschlusskonzert');
    const outlook = new URL(links.outlook);
    expect(outlook.searchParams.get('startdt')).toBe('2027-10-31T16:00:00Z');
    expect(outlook.searchParams.get('enddt')).toBe('2027-10-31T18:00:00Z');
    expect(outlook.searchParams.get('location')).toBe('Großer Saal');
  });
});
