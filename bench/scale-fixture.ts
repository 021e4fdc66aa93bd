/**
 * The scale fixture: N registrations submitted through the domain's own saveApplication
 * (and three in five approved through decideRegistration, so fees and payments show), M
 * program items published and mirrored as drafts, hosted by the applicants' organisations.
 * Built once per (N, M) into a SQLite file under bench/.cache and copied for each use.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../db/connection';
import { migrations } from '../db/migrations/index';
import { saveApplication } from '../app/domain/registrations/applications.server';
import { decideRegistration } from '../app/domain/registrations/review.server';
import { wireDomains } from '../app/domain/wiring.server';
import { createBenchDatabase } from './fixtures';
import { applicationInput, prepareApplicants } from '../tests/helpers/applicants';
import { berlinToUtc } from '../app/lib/berlin-clock';

const root = path.resolve(import.meta.dirname, '..');
const cacheDir = path.join(root, 'bench/.cache');
/** bump when the fixture's shape changes, so an old file is not reused */
const FIXTURE_VERSION = 2;

export interface ScaleDatabase {
  file: string;
  dir: string;
  /** the organiser who decided the applications (an office actor) */
  organiserId: number;
}

async function build(target: string, registrations: number, items: number) {
  wireDomains(); // an approval asks for the fee through the hook the server wires at start
  const { file, dir } = await createBenchDatabase(items);
  const { standTypeId, applicants } = await prepareApplicants(file, registrations, 'bench-2027');
  const { db } = openDatabase(file);
  try {
    await db.updateTable('stand_types').set({ fee_cents: 4_000 }).where('id', '=', standTypeId).execute();
    const organiser = await db.selectFrom('people').select('id').where('role', '=', 'organiser').orderBy('id').executeTakeFirstOrThrow();
    const publicUrl = 'https://feste.example';
    for (const [i, a] of applicants.entries()) {
      const { registrationId } = await saveApplication(db, {
        personId: a.personId,
        publicUrl,
        editionSlug: 'bench-2027',
        organisationId: a.organisationId,
        submit: true,
        application: applicationInput(standTypeId, i),
      });
      if (i % 5 < 3) await decideRegistration(db, { organiserId: organiser.id, editionSlug: 'bench-2027', registrationId, decision: 'approve', publicUrl });
    }
    // The program is hosted by many organisations (the facet and the host double-booking check see them all).
    const orgIds = applicants.map((a) => a.organisationId);
    const edition = await db.selectFrom('editions').select('id').where('slug', '=', 'bench-2027').executeTakeFirstOrThrow();
    const rows = await db.selectFrom('program_items').select('id').where('edition_id', '=', edition.id).orderBy('id').execute();
    // A schedule without hard conflicts (so a release can be published): 16 one-hour slots a
    // day (45 minutes and the 15-minute changeover) on as many stages as the items need, each
    // stage open 08:00–24:00 on each of the four days.
    const perStage = 16 * 4;
    const stageCount = Math.max(4, Math.ceil(items / perStage));
    const venue = await db.selectFrom('venues').select('id').where('edition_id', '=', edition.id).executeTakeFirstOrThrow();
    await db.transaction().execute(async (trx) => {
      const stageIds = (await trx.selectFrom('stages').select('id').where('edition_id', '=', edition.id).orderBy('sort_order').execute()).map((s) => s.id);
      for (let s = stageIds.length; s < stageCount; s++) {
        const row = await trx
          .insertInto('stages')
          .values({ edition_id: edition.id, venue_id: venue.id, slug: `stage-${s}`, name: JSON.stringify({ de: `Bühne ${s + 1}`, en: `Stage ${s + 1}` }), sort_order: s })
          .returning('id')
          .executeTakeFirstOrThrow();
        stageIds.push(row.id);
      }
      await trx.updateTable('stages').set({ changeover_minutes: 15 }).where('edition_id', '=', edition.id).execute();
      const days = ['2027-10-28', '2027-10-29', '2027-10-30', '2027-10-31'];
      for (const stageId of stageIds) {
        for (const day of days) {
          const next = days[days.indexOf(day) + 1] ?? '2027-11-01';
          await trx.insertInto('opening_hours').values({ stage_id: stageId, day, opens_at: berlinToUtc(day, '08:00'), closes_at: berlinToUtc(next, '00:00') }).execute();
        }
      }
      for (const [i, r] of rows.entries()) {
        const slot = Math.floor(i / stageCount);
        const day = days[Math.floor(slot / 16)]!;
        const hour = String(8 + (slot % 16)).padStart(2, '0');
        const starts = berlinToUtc(day, `${hour}:00`);
        await trx
          .updateTable('program_items')
          .set({ host_organisation_id: orgIds[(i * 7) % orgIds.length]!, stage_id: stageIds[i % stageCount]!, starts_at: starts, ends_at: new Date(Date.parse(starts) + 45 * 60_000).toISOString() })
          .where('id', '=', r.id)
          .execute();
      }
    });
    // Drafts equal to what is published: the editor's starting point after the first release.
    await db.executeQuery(
      (await import('kysely')).sql`insert into program_item_drafts (edition_id, uid, stage_id, title, description, starts_at, ends_at, category, languages, accessibility, host_organisation_id, registration_id, series_uid, status)
        select edition_id, uid, stage_id, title, description, starts_at, ends_at, category, languages, accessibility, host_organisation_id, registration_id, series_uid, status from program_items where edition_id = ${edition.id}`.compile(db),
    );
    // The mail the applications caused has gone out (the worker's bench enqueues its own).
    await db.updateTable('outbox').set({ status: 'sent', sent_at: new Date().toISOString() }).where('status', '=', 'pending').execute();
    await db.executeQuery((await import('kysely')).sql`pragma wal_checkpoint(truncate)`.compile(db));
    return { organiserId: organiser.id };
  } finally {
    await db.destroy();
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(file, target);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A fresh copy of the (N, M) fixture in its own temporary folder. */
export async function scaleDatabase(registrations: number, items: number): Promise<ScaleDatabase> {
  // A new migration makes a new file: the fixture is always of the current schema.
  const schema = createHash('sha1').update(Object.keys(migrations).sort().join('\n')).digest('hex').slice(0, 8);
  const cached = path.join(cacheDir, `scale-v${FIXTURE_VERSION}-${schema}-${registrations}-${items}.sqlite`);
  const meta = `${cached}.json`;
  if (!fs.existsSync(cached) || !fs.existsSync(meta)) {
    const t = performance.now();
    const info = await build(cached, registrations, items);
    fs.writeFileSync(meta, JSON.stringify(info));
    console.log(`scale fixture N=${registrations} M=${items} built in ${((performance.now() - t) / 1000).toFixed(1)} s (kept in bench/.cache)`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'festplatz-scale-'));
  const file = path.join(dir, 'bench.sqlite');
  fs.copyFileSync(cached, file);
  return { file, dir, ...(JSON.parse(fs.readFileSync(meta, 'utf8')) as { organiserId: number }) };
}
