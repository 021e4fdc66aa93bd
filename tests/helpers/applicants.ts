/**
 * Many associations at once, for the registration burst (bench) and the crash test: an
 * open edition with room for all, N organisations each with a contact person, and signed
 * session cookies minted with the app's own session code and the server's secret (the
 * email-link flow is tested elsewhere; here it would only measure the mail worker).
 */
import { openDatabase } from '../../db/connection';
import { mintSessionCookies } from './sessions';
import type { saveApplication } from '../../app/domain/registrations/applications.server';

export const BURST_SECRET = 'burst-secret-burst-secret-burst-secret-01234';

export interface Applicant {
  personId: number;
  organisationId: number;
  cookie: string;
}

export async function prepareApplicants(file: string, count: number, editionSlug: string): Promise<{ standTypeId: number; applicants: Omit<Applicant, 'cookie'>[] }> {
  const { db } = openDatabase(file);
  try {
    return await db.transaction().execute(async (trx) => {
      const edition = await trx.selectFrom('editions').select('id').where('slug', '=', editionSlug).executeTakeFirstOrThrow();
      const day = 86_400_000;
      await trx
        .updateTable('editions')
        .set({ registration_opens_at: new Date(Date.now() - day).toISOString(), registration_closes_at: new Date(Date.now() + 100 * day).toISOString() })
        .where('id', '=', edition.id)
        .execute();
      const standType = await trx
        .insertInto('stand_types')
        .values({ edition_id: edition.id, slug: 'burst-table', name: JSON.stringify({ de: 'Tisch', en: 'Table' }), capacity: count * 2, width_m: 2, depth_m: 1, fee_cents: 0 })
        .returning('id')
        .executeTakeFirstOrThrow();
      const applicants: Omit<Applicant, 'cookie'>[] = [];
      for (let i = 0; i < count; i++) {
        const org = await trx
          .insertInto('organisations')
          .values({ slug: `burst-${i}`, name: `Burst-Verein ${i} e.V.`, categories: '["initiative"]', languages: '["de"]', description: JSON.stringify({ de: 'Verein' }) })
          .returning('id')
          .executeTakeFirstOrThrow();
        const person = await trx.insertInto('people').values({ email: `burst-${i}@verein.example`, name: `Kontakt ${i}`, locale: 'de' }).returning('id').executeTakeFirstOrThrow();
        await trx.insertInto('memberships').values({ person_id: person.id, organisation_id: org.id, role: 'owner' }).execute();
        applicants.push({ personId: person.id, organisationId: org.id });
      }
      return { standTypeId: standType.id, applicants };
    });
  } finally {
    await db.destroy();
  }
}

/** A session cookie for each person, signed like the server signs them (same SESSION_SECRET). */
export async function mintCookies(databasePath: string, personIds: number[], secret = BURST_SECRET): Promise<string[]> {
  return mintSessionCookies(databasePath, secret, personIds.map((personId) => ({ personId })));
}

export function applicationForm(organisationId: number, standTypeId: number, i: number): URLSearchParams {
  return new URLSearchParams({
    intent: 'submit',
    organisationId: String(organisationId),
    standTypeId: String(standTypeId),
    widthM: '2',
    depthM: '1',
    powerWatts: String((i % 4) * 500),
    tables: '1',
    benches: String(i % 3),
    activities: `Infostand und Gespräche, Nummer ${i}`,
    accessibility: 'ebenerdig',
    publicConsent: 'on',
  });
}

/** The same application as `applicationForm`, as the domain's `saveApplication` takes it (the i-th of many). */
export function applicationInput(standTypeId: number, i: number): Parameters<typeof saveApplication>[1]['application'] {
  return {
    standTypeId,
    widthM: 2,
    depthM: 1,
    powerWatts: (i % 4) * 500,
    water: i % 5 === 0,
    tables: 1,
    benches: i % 3,
    ownGazebo: false,
    vehicleAccess: i % 7 === 0,
    activities: `Infostand und Gespräche, Nummer ${i}`,
    stageAct: i % 10 === 0 ? { title: `Auftritt ${i}`, minutes: 30, needs: 'Mikrofon' } : null,
    accessibility: 'ebenerdig',
    publicConsent: true,
  };
}
