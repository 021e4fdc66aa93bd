/**
 * Demo data drawn from the seed article about Dortmund: the two festivals, each with last
 * year's and the coming edition, real organisations named in the article, a program over
 * several days (Djelem Djelem across the late-October daylight-saving switch) and
 * registrations in every state. Dates are computed from `today`, so the demo always has
 * one past and one upcoming edition per series.
 */
import { sql } from 'kysely';
import { DateTime } from 'luxon';
import type { Transaction } from 'kysely';
import { transferReference } from '../app/domain/payments/reference';
import { issueMissingPasses } from '../app/domain/festival-day/passes.server';
import type { DB } from './connection';
import type { Database, RegistrationState } from './schema';
import { TIME_ZONE } from '../app/lib/i18n';

const t = (de: string, en: string) => JSON.stringify({ de, en });

function utc(day: DateTime, time: string): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  return day.set({ hour: h, minute: m, second: 0, millisecond: 0 }).toUTC().toISO()!;
}

/** The second Saturday of September: Dortbund! day. */
function dortbundStart(year: number): DateTime {
  const first = DateTime.fromObject({ year, month: 9, day: 1 }, { zone: TIME_ZONE });
  const firstSaturday = first.plus({ days: (6 - first.weekday + 7) % 7 });
  return firstSaturday.plus({ weeks: 1 });
}

/** Thursday to the last Sunday of October, the night the clocks go back. */
function djelemStart(year: number): DateTime {
  const last = DateTime.fromObject({ year, month: 10, day: 31 }, { zone: TIME_ZONE });
  const lastSunday = last.minus({ days: last.weekday % 7 });
  return lastSunday.minus({ days: 3 });
}

const organisations = [
  { slug: 'train-of-hope', name: 'Train of Hope e.V.', legal: 'e.V.', cats: ['initiative', 'social'], langs: ['de', 'ar', 'en'], web: 'https://train-of-hope.example',
    de: 'Ehrenamtliche Hilfe für Geflüchtete seit 2015: Ankommen, Beratung, Begegnung.', en: 'Volunteer support for refugees since 2015: arrival, advice, encounters.' },
  { slug: 'projekt-ankommen', name: 'Projekt Ankommen e.V.', legal: 'e.V.', cats: ['initiative', 'social'], langs: ['de', 'ar', 'fa'], web: null,
    de: 'Patenschaften und Sprachcafés für Neuzugewanderte in der Nordstadt.', en: 'Mentoring and language cafés for newcomers in the Nordstadt.' },
  { slug: 'africa-positive', name: 'Africa Positive e.V.', legal: 'e.V.', cats: ['migrant_organisation', 'culture'], langs: ['de', 'en', 'fr'], web: 'https://africa-positive.example',
    de: 'Verein afrikanischer und afrodeutscher Menschen für Bildung, Kultur und Teilhabe.', en: 'Association of African and Afro-German people for education, culture and participation.' },
  { slug: 'vmdo', name: 'Verbund sozial-kultureller Migrantenvereine in Dortmund e.V. (VMDO)', legal: 'e.V.', cats: ['migrant_organisation', 'social'], langs: ['de', 'tr', 'ar', 'ru'], web: 'https://vmdo.example',
    de: 'Dachverband von Migrantenvereinen: Bildung, Jugendarbeit und Begegnung.', en: 'Umbrella body of migrant associations: education, youth work and encounters.' },
  { slug: 'freiwilligenagentur', name: 'FreiwilligenAgentur Dortmund', legal: null, cats: ['social', 'public_body'], langs: ['de', 'en'], web: null,
    de: 'Berät Organisationen und Ehrenamtliche bei Integrationsprojekten und vermittelt Engagement.', en: 'Advises organisations and volunteers on integration projects and matches volunteers.' },
  { slug: 'lokal-willkommen', name: 'Netzwerk „lokal willkommen“', legal: null, cats: ['initiative', 'public_body'], langs: ['de', 'ar', 'tr'], web: null,
    de: 'Stadtteilbezogenes Netzwerk in fünf Stadtteilen, koordiniert vom Sozialamt.', en: 'Neighbourhood network in five districts, coordinated by the social welfare office.' },
  { slug: 'abrahamsreligionen', name: 'Arbeitskreis der Abrahamsreligionen', legal: null, cats: ['religion'], langs: ['de', 'tr', 'ar', 'he'], web: null,
    de: 'Juden, Christen und Muslime im Gespräch; Partner der Kampagne „Wir ALLE sind Dortmund“.', en: 'Jews, Christians and Muslims in dialogue; partner of the "We ALL are Dortmund" campaign.' },
  { slug: 'mia-do', name: 'MIA-DO – Migrations- und Integrationsagentur', legal: null, cats: ['public_body', 'social'], langs: ['de', 'en', 'tr', 'ro', 'bg'], web: null,
    de: 'Die Migrations- und Integrationsagentur der Stadt: Beratung und Vernetzung.', en: "The city's migration and integration agency: advice and networking." },
  { slug: 'kommunales-integrationszentrum', name: 'Kommunales Integrationszentrum Dortmund', legal: null, cats: ['public_body'], langs: ['de', 'ro', 'bg', 'tr'], web: null,
    de: 'Koordiniert die Gesamtstrategie Neuzuwanderung und den Masterplan Migration/Integration.', en: 'Coordinates the overall strategy on new immigration and the migration/integration master plan.' },
  { slug: 'integrationsrat', name: 'Integrationsrat der Stadt Dortmund', legal: null, cats: ['public_body'], langs: ['de', 'tr', 'ar'], web: null,
    de: 'Die gewählte Vertretung der Dortmunderinnen und Dortmunder mit Migrationsgeschichte.', en: 'The elected body representing Dortmund residents with a migration history.' },
  { slug: 'wir-alle-sind-dortmund', name: 'Initiative „Wir ALLE sind Dortmund“', legal: null, cats: ['initiative', 'religion'], langs: ['de', 'en'], web: null,
    de: 'Rund 150 Einrichtungen gegen Fremdenfeindlichkeit, Islamophobie und Antisemitismus.', en: 'Some 150 institutions against xenophobia, Islamophobia and antisemitism.' },
] as const;

type Template = {
  day: number; stage: string; at: string; minutes: number; cat: string; de: string; en: string; dde: string; den: string;
  host: string | null; langs: string[]; access: string[]; cancelled?: 'past' | 'upcoming';
};

const dortbundProgram: Template[] = [
  { day: 0, stage: 'hauptbuehne', at: '11:00', minutes: 45, cat: 'talk', de: 'Eröffnung: Eine Stadt. Viele Gesichter', en: 'Opening: One city. Many faces', dde: 'Der Oberbürgermeister eröffnet den Tag mit Gästen aus Vereinen und Initiativen.', den: 'The mayor opens the day with guests from associations and initiatives.', host: 'integrationsrat', langs: ['de'], access: ['wheelchair', 'sign_language'] },
  { day: 0, stage: 'hauptbuehne', at: '12:00', minutes: 60, cat: 'music', de: 'Trommelgruppe Africa Positive', en: 'Africa Positive drum group', dde: 'Westafrikanische Rhythmen zum Mitmachen.', den: 'West African rhythms to join in.', host: 'africa-positive', langs: ['de', 'fr'], access: ['wheelchair'] },
  { day: 0, stage: 'hauptbuehne', at: '13:30', minutes: 45, cat: 'dance', de: 'Halay und Folklore', en: 'Halay and folk dance', dde: 'Tanzgruppen aus den Mitgliedsvereinen des VMDO.', den: 'Dance groups from the member associations of VMDO.', host: 'vmdo', langs: ['de', 'tr'], access: ['wheelchair'] },
  { day: 0, stage: 'hauptbuehne', at: '15:00', minutes: 60, cat: 'music', de: 'Chor der Religionen', en: 'Choir of the religions', dde: 'Lieder aus Synagoge, Kirche und Moschee.', den: 'Songs from synagogue, church and mosque.', host: 'abrahamsreligionen', langs: ['de', 'he', 'ar'], access: ['wheelchair'], cancelled: 'past' },
  { day: 0, stage: 'dialogbuehne', at: '12:00', minutes: 60, cat: 'talk', de: 'Ehrenamt in der Integrationsarbeit', en: 'Volunteering in integration work', dde: 'Wie finde ich ein Engagement, das zu mir passt?', den: 'How do I find volunteering that suits me?', host: 'freiwilligenagentur', langs: ['de', 'en'], access: ['wheelchair', 'simple_language'] },
  { day: 0, stage: 'dialogbuehne', at: '13:30', minutes: 60, cat: 'talk', de: 'Wir ALLE sind Dortmund: Gespräch', en: 'We ALL are Dortmund: a conversation', dde: 'Vertreterinnen und Vertreter der Religionsgemeinschaften im Gespräch.', den: 'Representatives of the faith communities in conversation.', host: 'wir-alle-sind-dortmund', langs: ['de'], access: ['wheelchair', 'sign_language'] },
  { day: 0, stage: 'dialogbuehne', at: '15:00', minutes: 90, cat: 'workshop', de: 'Sprachcafé für alle', en: 'Language café for everyone', dde: 'Deutsch üben bei Kaffee und Tee, mit Patinnen und Paten.', den: 'Practise German over coffee and tea, with mentors.', host: 'projekt-ankommen', langs: ['de', 'ar', 'fa'], access: ['wheelchair', 'simple_language', 'quiet_space'] },
  { day: 0, stage: 'kinderbereich', at: '11:00', minutes: 240, cat: 'children', de: 'Spielmobil und Kinderschminken', en: 'Play bus and face painting', dde: 'Den ganzen Nachmittag für Kinder jeden Alters.', den: 'All afternoon for children of every age.', host: 'lokal-willkommen', langs: ['de', 'ar', 'tr'], access: ['wheelchair'] },
  { day: 1, stage: 'hauptbuehne', at: '11:00', minutes: 60, cat: 'music', de: 'Frühschoppen mit der Big Band', en: 'Morning concert with the big band', dde: 'Swing und Jazz zum Sonntag.', den: 'Swing and jazz for Sunday.', host: null, langs: [], access: ['wheelchair'] },
  { day: 1, stage: 'hauptbuehne', at: '13:00', minutes: 45, cat: 'dance', de: 'Tanz aus der Ukraine', en: 'Dance from Ukraine', dde: 'Eine junge Tanzgruppe zeigt traditionelle und moderne Choreografien.', den: 'A young dance group shows traditional and modern choreographies.', host: 'train-of-hope', langs: ['de', 'uk'], access: ['wheelchair'] },
  { day: 1, stage: 'hauptbuehne', at: '15:00', minutes: 60, cat: 'music', de: 'Abschlusskonzert', en: 'Closing concert', dde: 'Musikerinnen und Musiker aus sechs Ländern auf einer Bühne.', den: 'Musicians from six countries on one stage.', host: 'vmdo', langs: [], access: ['wheelchair', 'sign_language'], cancelled: 'upcoming' },
  { day: 1, stage: 'dialogbuehne', at: '12:00', minutes: 60, cat: 'talk', de: 'Neu in Dortmund: Beratung von A bis Z', en: 'New in Dortmund: advice from A to Z', dde: 'Die Beratungsstellen der Stadt stellen sich vor.', den: "The city's advice services introduce themselves.", host: 'mia-do', langs: ['de', 'ro', 'bg', 'tr'], access: ['wheelchair', 'simple_language'] },
  { day: 1, stage: 'dialogbuehne', at: '14:00', minutes: 60, cat: 'talk', de: 'Masterplan Migration/Integration', en: 'Migration/integration master plan', dde: 'Wo steht die Stadt, was kommt als Nächstes?', den: 'Where the city stands and what comes next.', host: 'kommunales-integrationszentrum', langs: ['de'], access: ['wheelchair', 'sign_language'] },
  { day: 1, stage: 'kinderbereich', at: '12:00', minutes: 180, cat: 'children', de: 'Bastelwerkstatt: Fahnen der Welt', en: 'Craft workshop: flags of the world', dde: 'Kinder gestalten Fahnen; zum Mitnehmen.', den: 'Children make flags to take home.', host: 'lokal-willkommen', langs: ['de', 'ar'], access: ['wheelchair', 'quiet_space'] },
];

const djelemProgram: Template[] = [
  { day: 0, stage: 'grosser-saal', at: '19:00', minutes: 120, cat: 'music', de: 'Eröffnungskonzert: Roma-Brass', en: 'Opening concert: Roma brass', dde: 'Balkan-Blasmusik eröffnet das Festival.', den: 'Balkan brass opens the festival.', host: null, langs: ['de', 'rom'], access: ['wheelchair'] },
  { day: 0, stage: 'kino-im-u', at: '18:00', minutes: 100, cat: 'film', de: 'Film: Geschichten aus der Mahala', en: 'Film: Stories from the mahala', dde: 'Dokumentarfilm mit anschließendem Gespräch.', den: 'Documentary followed by a talk.', host: 'kommunales-integrationszentrum', langs: ['rom', 'de'], access: ['wheelchair'] },
  { day: 1, stage: 'foyer', at: '16:00', minutes: 120, cat: 'workshop', de: 'Workshop: Romanes für Einsteiger', en: 'Workshop: Romani for beginners', dde: 'Erste Wörter und Lieder in Romanes.', den: 'First words and songs in Romani.', host: 'mia-do', langs: ['rom', 'de'], access: ['wheelchair', 'simple_language'] },
  { day: 1, stage: 'kino-im-u', at: '18:00', minutes: 90, cat: 'film', de: 'Kurzfilme junger Roma', en: 'Short films by young Roma', dde: 'Filme aus Dortmund, Plovdiv und Cluj.', den: 'Films from Dortmund, Plovdiv and Cluj.', host: null, langs: ['rom', 'bg', 'ro'], access: ['wheelchair'] },
  { day: 1, stage: 'grosser-saal', at: '20:00', minutes: 120, cat: 'music', de: 'Konzert: Lieder aus Siebenbürgen', en: 'Concert: songs from Transylvania', dde: 'Geige, Cimbalom und Gesang.', den: 'Violin, cimbalom and voice.', host: null, langs: ['ro', 'rom'], access: ['wheelchair'], cancelled: 'upcoming' },
  { day: 2, stage: 'foyer', at: '12:00', minutes: 180, cat: 'exhibition', de: 'Ausstellung: Roma in Dortmund', en: 'Exhibition: Roma in Dortmund', dde: 'Fotografien und Stimmen aus der Nordstadt.', den: 'Photographs and voices from the Nordstadt.', host: 'kommunales-integrationszentrum', langs: ['de', 'rom', 'ro', 'bg'], access: ['wheelchair', 'quiet_space'] },
  { day: 2, stage: 'foyer', at: '15:30', minutes: 90, cat: 'talk', de: 'Gespräch: Ankommen aus Südosteuropa', en: 'Talk: arriving from south-eastern Europe', dde: 'Neuzugewanderte aus Bulgarien und Rumänien erzählen.', den: 'Newcomers from Bulgaria and Romania tell their stories.', host: 'lokal-willkommen', langs: ['de', 'bg', 'ro'], access: ['wheelchair', 'simple_language'] },
  { day: 2, stage: 'grosser-saal', at: '16:00', minutes: 90, cat: 'dance', de: 'Tanzworkshop für Familien', en: 'Dance workshop for families', dde: 'Roma-Tänze zum Mitmachen für Groß und Klein.', den: 'Roma dances for young and old to join in.', host: 'vmdo', langs: ['de', 'rom'], access: ['wheelchair'] },
  { day: 2, stage: 'grosser-saal', at: '19:00', minutes: 90, cat: 'music', de: 'Konzert: Djelem Djelem Ensemble', en: 'Concert: Djelem Djelem Ensemble', dde: 'Das Festivalensemble mit Gästen.', den: 'The festival ensemble with guests.', host: null, langs: ['rom'], access: ['wheelchair', 'sign_language'] },
  // Saturday night into Sunday: the clocks go back at 03:00 CEST, so 22:00 + 5 h of real time ends at 02:00 CET.
  { day: 2, stage: 'grosser-saal', at: '22:00', minutes: 300, cat: 'music', de: 'Balkan-Nacht (durch die Zeitumstellung)', en: 'Balkan night (through the clock change)', dde: 'DJs und Live-Musik bis in den Morgen; die Uhr wird um drei auf zwei zurückgestellt.', den: 'DJs and live music into the morning; the clock goes back from three to two.', host: null, langs: [], access: [] },
  { day: 3, stage: 'foyer', at: '11:00', minutes: 120, cat: 'food', de: 'Brunch: Küche der Roma', en: 'Brunch: Roma cuisine', dde: 'Gemeinsames Essen mit Rezepten aus vielen Ländern.', den: 'A shared meal with recipes from many countries.', host: 'train-of-hope', langs: ['de', 'rom', 'ro'], access: ['wheelchair'] },
  { day: 3, stage: 'kino-im-u', at: '14:00', minutes: 110, cat: 'film', de: 'Film: Papusza', en: 'Film: Papusza', dde: 'Spielfilm über die Dichterin Bronisława Wajs.', den: 'Feature film about the poet Bronisława Wajs.', host: null, langs: ['pl', 'rom'], access: ['wheelchair'] },
  { day: 3, stage: 'grosser-saal', at: '15:00', minutes: 60, cat: 'talk', de: 'Lesung: Roma-Literatur heute', en: 'Reading: Roma literature today', dde: 'Autorinnen lesen auf Romanes und Deutsch.', den: 'Authors read in Romani and German.', host: 'abrahamsreligionen', langs: ['rom', 'de'], access: ['wheelchair', 'sign_language'] },
  { day: 3, stage: 'grosser-saal', at: '17:00', minutes: 120, cat: 'music', de: 'Abschlusskonzert', en: 'Closing concert', dde: 'Alle Ensembles des Festivals gemeinsam.', den: 'All the festival ensembles together.', host: null, langs: [], access: ['wheelchair'] },
];

/**
 * Stand fees of the coming editions: the confirmed stand with a fee had it waived (a
 * granted waiver request), the cancelled one had paid by bank transfer and got it back.
 */
async function seedFees(
  trx: Transaction<Database>,
  r: { state: RegistrationState; registrationId: number; year: number; fee: number; organisation: string; standType: string; edition: string; at: DateTime; organiserId: number; contactId: number },
) {
  const iso = (d: DateTime) => d.toUTC().toISO()!;
  if (r.state === 'confirmed') {
    await trx
      .insertInto('waiver_requests')
      .values({ registration_id: r.registrationId, reason: 'Ehrenamtlich getragener Verein, keine Einnahmen am Stand.', non_profit: 1, state: 'granted', requested_by: r.contactId, decided_by: r.organiserId, decision_reason: 'Gemeinnützig anerkannt.', created_at: iso(r.at.plus({ days: 3, hours: 2 })), decided_at: iso(r.at.plus({ days: 6 })) })
      .execute();
  }
  if (r.state === 'cancelled') {
    const paidAt = r.at.plus({ days: 3, hours: 4 }); // soon after the approval
    const payment = await trx
      .insertInto('payments')
      .values({ registration_id: r.registrationId, method: 'bank_transfer', state: 'refunded', amount_cents: r.fee, received_cents: r.fee, reference: transferReference(r.year, r.registrationId), received_on: paidAt.toISODate()!, recorded_by: r.organiserId, confirmed_at: iso(paidAt), created_at: iso(paidAt), updated_at: iso(r.at.plus({ days: 9 })) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const receiptYear = paidAt.year;
    const last = await trx.selectFrom('receipts').select((eb) => eb.fn.max('number').as('n')).where('year', '=', receiptYear).executeTakeFirst();
    const number = Number(last?.n ?? 0) + 1;
    const standType = JSON.parse(r.standType) as { de: string; en: string };
    await trx
      .insertInto('receipts')
      .values({
        year: receiptYear,
        number,
        receipt_number: `${receiptYear}-${String(number).padStart(5, '0')}`,
        payment_id: payment.id,
        registration_id: r.registrationId,
        organisation_id: (await trx.selectFrom('registrations').select('organisation_id').where('id', '=', r.registrationId).executeTakeFirstOrThrow()).organisation_id,
        payer_name: r.organisation,
        description: JSON.stringify({ de: `Standgebühr ${standType.de}, ${r.edition}`, en: `Stand fee ${standType.en}, ${r.edition}` }),
        amount_cents: r.fee,
        currency: 'eur',
        method: 'bank_transfer',
        payee: JSON.stringify({ name: 'Stadt Dortmund · Büro für Festkultur (Beispiel)', address: ['Friedensplatz 1', '44135 Dortmund'], vatNote: null }),
        issued_at: iso(paidAt),
      })
      .execute();
    await trx
      .insertInto('refunds')
      .values({ payment_id: payment.id, amount_cents: r.fee, state: 'done', reason: 'Stand wurde vom Veranstalter abgesagt (Sturmwarnung).', created_by: r.organiserId, created_at: iso(r.at.plus({ days: 9 })), done_at: iso(r.at.plus({ days: 9 })) })
      .execute();
  }
}

type PitchTemplate = { label: string; x: number; y: number; w: number; h: number; power: number; water: 0 | 1 };

/** Dortbund!: two rows in front of City Hall; the big ones take own gazebos up to 6 × 3 m. */
const standzonePitches: PitchTemplate[] = [
  ...Array.from({ length: 6 }, (_, i) => ({ label: String(i + 1), x: 1 + i * 4.5, y: 1, w: 4, h: 4, power: i < 4 ? 2000 : 0, water: (i < 2 ? 1 : 0) as 0 | 1 })),
  ...Array.from({ length: 4 }, (_, i) => ({ label: String(i + 7), x: 1 + i * 7.5, y: 9, w: 7, h: 4, power: i < 2 ? 3000 : 0, water: (i === 0 ? 1 : 0) as 0 | 1 })),
  { label: '11', x: 1, y: 15, w: 3, h: 2, power: 0, water: 0 },
  { label: '12', x: 5, y: 15, w: 3, h: 2, power: 500, water: 0 },
];

/** Djelem Djelem: tables and stalls along the foyer walls of the Dietrich-Keuning-Haus. */
const foyerPitches: PitchTemplate[] = [
  ...Array.from({ length: 4 }, (_, i) => ({ label: `F${i + 1}`, x: 1 + i * 4, y: 1, w: 3, h: 3, power: i % 2 === 0 ? 1500 : 0, water: 0 as const })),
  { label: 'F5', x: 1, y: 6, w: 2.5, h: 1.5, power: 0, water: 0 },
  { label: 'F6', x: 5, y: 6, w: 2.5, h: 1.5, power: 500, water: 1 },
];

export async function isEmpty(db: DB): Promise<boolean> {
  const row = await db.selectFrom('series').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

export async function seedDemo(db: DB, options: { today?: string } = {}) {
  const today = options.today ? DateTime.fromISO(options.today, { zone: TIME_ZONE }) : DateTime.now().setZone(TIME_ZONE);
  const upcomingYear = today.month >= 11 ? today.year + 1 : today.year;
  const years = [upcomingYear - 1, upcomingYear];
  const counts = { series: 0, editions: 0, stages: 0, items: 0, organisations: 0, registrations: 0 };

  return db.transaction().execute(async (trx) => {
    const orgIds = new Map<string, number>();
    for (const o of organisations) {
      const row = await trx
        .insertInto('organisations')
        .values({ slug: o.slug, name: o.name, legal_form: o.legal, description: t(o.de, o.en), website: o.web, categories: JSON.stringify(o.cats), languages: JSON.stringify(o.langs) })
        .returning('id')
        .executeTakeFirstOrThrow();
      orgIds.set(o.slug, row.id);
      counts.organisations++;
    }
    const organiser = await trx
      .insertInto('people')
      .values({ email: 'orga@festplatz.localhost', name: 'Büro für Festkultur', locale: 'de', role: 'organiser' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const contacts = new Map<string, number>();
    for (const o of organisations) {
      const person = await trx
        .insertInto('people')
        .values({ email: `kontakt@${o.slug}.example`, name: `Kontakt ${o.name}`, locale: (o.langs as readonly string[]).includes('ar') ? 'ar' : 'de', role: 'member' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('memberships').values({ person_id: person.id, organisation_id: orgIds.get(o.slug)!, role: 'owner' }).execute();
      contacts.set(o.slug, person.id);
    }

    const festivals = [
      {
        slug: 'dortbund',
        name: t('Dortbund! Eine Stadt. Viele Gesichter', 'Dortbund! One city. Many faces'),
        description: t(
          'Seit 2016 jährlich: Institutionen, Vereine, Verbände, Initiativen, Kirchen, Gewerkschaften und Kulturschaffende treten mit der Stadtgesellschaft in Dialog.',
          'Yearly since 2016: institutions, associations, federations, initiatives, churches, unions and artists in dialogue with the city.',
        ),
        start: dortbundStart,
        days: 2,
        venues: [{ key: 'friedensplatz', name: t('Friedensplatz und Rathaus', 'Friedensplatz and City Hall'), address: 'Friedensplatz 1, 44135 Dortmund', lat: 51.5122, lng: 7.4661 }],
        stages: [
          { slug: 'hauptbuehne', venue: 'friedensplatz', kind: 'stage' as const, name: t('Hauptbühne', 'Main stage') },
          { slug: 'dialogbuehne', venue: 'friedensplatz', kind: 'stage' as const, name: t('Dialogbühne im Rathaus', 'Dialogue stage in City Hall') },
          { slug: 'kinderbereich', venue: 'friedensplatz', kind: 'area' as const, name: t('Kinderbereich', "Children's area") },
          { slug: 'standzone', venue: 'friedensplatz', kind: 'area' as const, name: t('Standzone Friedensplatz', 'Stand zone Friedensplatz') },
        ],
        hours: (day: DateTime) => ({ opens: utc(day, '10:00'), closes: utc(day, '19:00') }),
        standTypes: [
          { slug: 'pavillon-3x3', name: t('Pavillon 3 × 3 m (gestellt)', 'Gazebo 3 × 3 m (provided)'), fee: 5000, capacity: 4, w: 3, d: 3, eq: ['gazebo', 'table', 'bench'] },
          { slug: 'infotisch', name: t('Infotisch', 'Information table'), fee: 0, capacity: 3, w: 2, d: 1, eq: ['table'] },
          { slug: 'eigener-pavillon', name: t('Eigener Pavillon bis 6 × 3 m', 'Own gazebo up to 6 × 3 m'), fee: 8000, capacity: 2, w: 6, d: 3, eq: [] },
        ],
        setup: t('Aufbau am ersten Festtag ab 7:30 Uhr, Abbau bis 21:00 Uhr. Zufahrt über die Kleppingstraße.', 'Setup on the first day from 7:30, teardown by 21:00. Vehicle access via Kleppingstraße.'),
        // the same window as the text above, as instants: the approval mail's calendar entry
        setupWindow: (start: DateTime) => ({ from: utc(start, '07:30'), to: utc(start, '10:00') }),
        program: dortbundProgram,
        pitchArea: 'standzone',
        pitches: standzonePitches,
      },
      {
        slug: 'djelem-djelem',
        name: t('Djelem Djelem', 'Djelem Djelem'),
        description: t(
          'Das jährliche Roma-Kulturfestival bringt den Dortmunderinnen und Dortmundern die Vielfalt der Roma-Kulturen näher: Konzerte, Tanz, Film, Gespräche und Workshops.',
          'The yearly Roma culture festival brings the diversity of Roma cultures to Dortmund: concerts, dance, film, talks and workshops.',
        ),
        start: djelemStart,
        days: 4,
        venues: [
          { key: 'dkh', name: t('Dietrich-Keuning-Haus', 'Dietrich-Keuning-Haus'), address: 'Leopoldstraße 50–58, 44147 Dortmund', lat: 51.5213, lng: 7.4598 },
          { key: 'u', name: t('Dortmunder U', 'Dortmunder U'), address: 'Leonie-Reygers-Terrasse, 44137 Dortmund', lat: 51.5157, lng: 7.4536 },
        ],
        stages: [
          { slug: 'grosser-saal', venue: 'dkh', kind: 'stage' as const, name: t('Großer Saal', 'Main hall') },
          { slug: 'foyer', venue: 'dkh', kind: 'area' as const, name: t('Foyer', 'Foyer') },
          { slug: 'kino-im-u', venue: 'u', kind: 'stage' as const, name: t('Kino im U', 'Cinema at the U') },
        ],
        hours: (day: DateTime) =>
          day.weekday === 6
            ? { opens: utc(day, '11:00'), closes: utc(day.plus({ days: 1 }), '03:00') }
            : { opens: utc(day, day.weekday === 7 ? '10:00' : '15:00'), closes: utc(day, '23:30') },
        standTypes: [
          { slug: 'infotisch', name: t('Infotisch im Foyer', 'Information table in the foyer'), fee: 0, capacity: 6, w: 2, d: 1, eq: ['table'] },
          { slug: 'marktstand', name: t('Marktstand 3 × 3 m', 'Market stall 3 × 3 m'), fee: 3000, capacity: 4, w: 3, d: 3, eq: ['gazebo', 'table'] },
        ],
        setup: t('Aufbau eine Stunde vor Beginn im Foyer des Dietrich-Keuning-Hauses.', 'Setup one hour before opening in the foyer of the Dietrich-Keuning-Haus.'),
        setupWindow: (start: DateTime) => ({ from: utc(start, '14:00'), to: utc(start, '15:00') }),
        program: djelemProgram,
        pitchArea: 'foyer',
        pitches: foyerPitches,
      },
    ];

    const states: RegistrationState[] = ['draft', 'submitted', 'submitted', 'approved', 'waitlisted', 'rejected', 'confirmed', 'confirmed', 'withdrawn', 'cancelled'];
    const paths: Record<RegistrationState, RegistrationState[]> = {
      draft: [],
      submitted: ['submitted'],
      approved: ['submitted', 'approved'],
      waitlisted: ['submitted', 'waitlisted'],
      rejected: ['submitted', 'rejected'],
      confirmed: ['submitted', 'approved', 'confirmed'],
      withdrawn: ['submitted', 'approved', 'withdrawn'],
      cancelled: ['submitted', 'approved', 'confirmed', 'cancelled'],
    };
    const reasons: Partial<Record<RegistrationState, string>> = {
      rejected: 'Das Thema passt nicht zum Fest.',
      waitlisted: 'Alle Plätze dieses Typs sind vergeben.',
      withdrawn: 'Kein Personal am Festtag.',
      cancelled: 'Stand wurde vom Veranstalter abgesagt (Sturmwarnung).',
      confirmed: 'Gebühr erlassen (gemeinnützig).',
    };

    for (const f of festivals) {
      const series = await trx.insertInto('series').values({ slug: f.slug, name: f.name, description: f.description }).returning('id').executeTakeFirstOrThrow();
      counts.series++;
      if (f.slug === 'djelem-djelem') {
        // A series team: edits Djelem Djelem and reviews its applications, nothing else.
        const team = await trx
          .insertInto('people')
          .values({ email: 'team-djelem@festplatz.localhost', name: 'Team Djelem Djelem', locale: 'de', role: 'member' })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx.insertInto('series_team_members').values({ person_id: team.id, series_id: series.id }).execute();
      }
      for (const year of years) {
        const upcoming = year === upcomingYear;
        const start = f.start(year);
        const end = start.plus({ days: f.days - 1 });
        const opens = upcoming ? today.minus({ days: 14 }).startOf('day') : start.minus({ days: 200 });
        const closes = start.minus({ days: 28 }).endOf('day');
        const edition = await trx
          .insertInto('editions')
          .values({
            series_id: series.id,
            slug: `${f.slug}-${year}`,
            year,
            title: JSON.stringify({ de: `${JSON.parse(f.name).de} ${year}`, en: `${JSON.parse(f.name).en} ${year}` }),
            description: f.description,
            starts_on: start.toISODate()!,
            ends_on: end.toISODate()!,
            registration_opens_at: opens.toUTC().toISO()!,
            registration_closes_at: closes.toUTC().toISO()!,
            setup_info: f.setup,
            setup_starts_at: f.setupWindow(start).from,
            setup_ends_at: f.setupWindow(start).to,
            status: 'published',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        counts.editions++;

        const venueIds = new Map<string, number>();
        for (const v of f.venues) {
          const row = await trx
            .insertInto('venues')
            .values({ edition_id: edition.id, name: v.name, address: v.address, lat: v.lat, lng: v.lng })
            .returning('id')
            .executeTakeFirstOrThrow();
          venueIds.set(v.key, row.id);
        }
        const stageIds = new Map<string, number>();
        for (const [i, s] of f.stages.entries()) {
          const row = await trx
            .insertInto('stages')
            .values({ edition_id: edition.id, venue_id: venueIds.get(s.venue)!, slug: s.slug, name: s.name, kind: s.kind, sort_order: i, changeover_minutes: 15 })
            .returning('id')
            .executeTakeFirstOrThrow();
          stageIds.set(s.slug, row.id);
          counts.stages++;
          for (let d = 0; d < f.days; d++) {
            const day = start.plus({ days: d });
            const h = f.hours(day);
            await trx.insertInto('opening_hours').values({ stage_id: row.id, day: day.toISODate()!, opens_at: h.opens, closes_at: h.closes }).execute();
          }
        }
        if (f.slug === 'djelem-djelem' && upcoming) {
          // Volunteers (issue 18): a stage team into the night the clocks go back, and language mediation in the foyer.
          const role = async (name: string, description: string, extra: { languages?: string[]; min_age?: number; allows_minors?: number; note?: string }) =>
            (await trx.insertInto('volunteer_roles').values({ edition_id: edition.id, name, description, ...extra, languages: JSON.stringify(extra.languages ?? []) }).returning('id').executeTakeFirstOrThrow()).id;
          const crew = await role(t('Bühnenteam', 'Stage team'), t('Umbau zwischen den Auftritten, Kabel, Einlass am Großen Saal.', 'Changeovers between acts, cables, doors at the main hall.'), { note: t('Heben bis 20 kg', 'Lifting up to 20 kg') });
          const mediation = await role(
            t('Sprachmittlung', 'Language mediation'),
            t('Gäste auf Romanes, Rumänisch oder Bulgarisch begrüßen und durchs Programm begleiten.', 'Welcome guests in Romani, Romanian or Bulgarian and guide them through the programme.'),
            { languages: ['rom', 'ro', 'bg'], min_age: 16, allows_minors: 1 },
          );
          const saturday = start.plus({ days: 2 });
          const shifts = [
            { role: crew, stage: 'grosser-saal', from: utc(saturday, '18:00'), to: utc(saturday, '21:00'), needed: 4 },
            { role: crew, stage: 'grosser-saal', from: utc(saturday, '21:00'), to: utc(saturday.plus({ days: 1 }), '00:00'), needed: 4 },
            // 00:00 summer time to 03:00 winter time: four real hours
            { role: crew, stage: 'grosser-saal', from: utc(saturday.plus({ days: 1 }), '00:00'), to: utc(saturday.plus({ days: 1 }), '03:00'), needed: 3 },
            { role: mediation, stage: 'foyer', from: utc(start.plus({ days: 1 }), '15:00'), to: utc(start.plus({ days: 1 }), '19:00'), needed: 2 },
            { role: mediation, stage: 'foyer', from: utc(saturday, '11:00'), to: utc(saturday, '15:00'), needed: 2 },
          ];
          for (const sh of shifts) {
            await trx.insertInto('volunteer_shifts').values({ edition_id: edition.id, role_id: sh.role, stage_id: stageIds.get(sh.stage)!, starts_at: sh.from, ends_at: sh.to, needed: sh.needed }).execute();
          }
        }
        const standTypeIds: number[] = [];
        for (const st of f.standTypes) {
          const row = await trx
            .insertInto('stand_types')
            .values({ edition_id: edition.id, slug: st.slug, name: st.name, fee_cents: st.fee, capacity: st.capacity, width_m: st.w, depth_m: st.d, equipment: JSON.stringify(st.eq) })
            .returning('id')
            .executeTakeFirstOrThrow();
          standTypeIds.push(row.id);
        }

        const releasedAt = upcoming ? today.minus({ days: 7 }) : start.minus({ days: 21 });
        const changes: { uid: string; change: string }[] = [];
        for (const [i, p] of f.program.entries()) {
          const startsAt = start.plus({ days: p.day }).set({ hour: Number(p.at.slice(0, 2)), minute: Number(p.at.slice(3)) });
          const cancelled = p.cancelled === (upcoming ? 'upcoming' : 'past');
          const uid = `${f.slug}-${year}-${String(i + 1).padStart(2, '0')}`;
          await trx
            .insertInto('program_items')
            .values({
              edition_id: edition.id,
              stage_id: stageIds.get(p.stage)!,
              uid,
              sequence: cancelled ? 1 : 0,
              title: t(p.de, p.en),
              description: t(p.dde, p.den),
              starts_at: startsAt.toUTC().toISO()!,
              ends_at: startsAt.toUTC().plus({ minutes: p.minutes }).toISO()!,
              category: p.cat,
              languages: JSON.stringify(p.langs),
              accessibility: JSON.stringify(p.access),
              host_organisation_id: p.host ? orgIds.get(p.host)! : null,
              status: cancelled ? 'cancelled' : 'scheduled',
              updated_at: releasedAt.toUTC().toISO()!,
            })
            .execute();
          counts.items++;
          if (cancelled) changes.push({ uid, change: 'cancelled' });
        }
        await trx
          .insertInto('schedule_releases')
          .values({ edition_id: edition.id, version: 1, published_at: releasedAt.minus({ days: 14 }).toUTC().toISO()!, published_by: organiser.id, changes: JSON.stringify(f.program.map((_, i) => ({ uid: `${f.slug}-${year}-${String(i + 1).padStart(2, '0')}`, change: 'added' }))) })
          .execute();
        if (changes.length > 0) {
          await trx
            .insertInto('schedule_releases')
            .values({ edition_id: edition.id, version: 2, published_at: releasedAt.toUTC().toISO()!, published_by: organiser.id, changes: JSON.stringify(changes) })
            .execute();
        }

        const pitchIds: number[] = [];
        for (const p of f.pitches) {
          const row = await trx
            .insertInto('pitches')
            .values({ edition_id: edition.id, stage_id: stageIds.get(f.pitchArea)!, label: p.label, x: p.x, y: p.y, width: p.w, height: p.h, power_available: p.power, water: p.water })
            .returning('id')
            .executeTakeFirstOrThrow();
          pitchIds.push(row.id);
        }
        // Confirmed stands are placed on the smallest free pitch they fit, so power and water
        // stay free; approved ones are left for the organisers (and the "suggest" action).
        const placed = new Set<number>();
        const bySize = [...f.pitches.entries()].sort(([, a], [, b]) => a.w * a.h - b.w * b.h || a.power - b.power || a.water - b.water);
        const placeOnPlan = async (registrationId: number, need: { w: number; d: number; power: number; water: number }) => {
          for (const [k, p] of bySize) {
            if (placed.has(k)) continue;
            const fits = (need.w <= p.w && need.d <= p.h) || (need.w <= p.h && need.d <= p.w);
            if (!fits || need.power > p.power || (need.water && !p.water)) continue;
            placed.add(k);
            await trx.updateTable('pitches').set({ registration_id: registrationId }).where('id', '=', pitchIds[k]!).execute();
            return;
          }
        };

        // Registrations: the coming edition has one in every state, the past one confirmed stands.
        // The eleventh organisation had a Dortbund! stand last year only: it can "apply again".
        const applicants = organisations.slice(0, f.slug === 'dortbund' ? (upcoming ? 10 : 11) : 6);
        for (const [i, o] of applicants.entries()) {
          const state: RegistrationState = upcoming ? states[i % states.length]! : i % 4 === 3 ? 'withdrawn' : 'confirmed';
          const standTypeId = standTypeIds[i % standTypeIds.length]!;
          const st = f.standTypes[i % f.standTypes.length]!;
          const submittedAt = opens.plus({ days: 1 + i });
          const reg = await trx
            .insertInto('registrations')
            .values({
              edition_id: edition.id,
              organisation_id: orgIds.get(o.slug)!,
              stand_type_id: standTypeId,
              state,
              width_m: st.w,
              depth_m: st.d,
              power_watts: i % 3 === 0 ? 1000 : 0,
              water: i % 5 === 0 ? 1 : 0,
              tables: 1 + (i % 2),
              benches: i % 3,
              own_gazebo: st.eq.includes('gazebo') ? 0 : 1,
              vehicle_access: i % 4 === 0 ? 1 : 0,
              activities: `Infostand, Gespräche und Mitmachaktion von ${o.name}.`,
              stage_act_title: i % 4 === 1 ? 'Kurzer Auftritt unserer Gruppe' : null,
              stage_act_minutes: i % 4 === 1 ? 20 : null,
              stage_act_needs: i % 4 === 1 ? '2 Mikrofone' : null,
              accessibility: 'Stand ebenerdig erreichbar.',
              public_consent: 1,
              submitted_at: state === 'draft' ? null : submittedAt.toUTC().toISO()!,
              created_at: submittedAt.minus({ hours: 2 }).toUTC().toISO()!,
              updated_at: submittedAt.toUTC().toISO()!,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          counts.registrations++;
          if (state !== 'draft') {
            // the contact agreed to the public listing when submitting (text version of app/domain/privacy/consents.server.ts)
            await trx
              .insertInto('consents')
              .values({ person_id: contacts.get(o.slug)!, kind: 'public_listing', text_version: 'public-listing@2026-11-25', subject_type: 'registration', subject_id: reg.id, given_at: submittedAt.toUTC().toISO()! })
              .execute();
          }
          if (state === 'confirmed') {
            await placeOnPlan(reg.id, { w: st.w, d: st.d, power: i % 3 === 0 ? 1000 : 0, water: i % 5 === 0 ? 1 : 0 });
          }
          let from: RegistrationState = 'draft';
          await trx.insertInto('registration_events').values({ registration_id: reg.id, from_state: null, to_state: 'draft', actor_person_id: contacts.get(o.slug)!, created_at: submittedAt.minus({ hours: 2 }).toUTC().toISO()! }).execute();
          for (const [step, to] of paths[state].entries()) {
            const byOrganiser = !(to === 'submitted' || to === 'withdrawn');
            await trx
              .insertInto('registration_events')
              .values({
                registration_id: reg.id,
                from_state: from,
                to_state: to,
                actor_person_id: byOrganiser ? organiser.id : contacts.get(o.slug)!,
                reason: reasons[to] ?? null,
                created_at: submittedAt.plus({ days: step * 3 }).toUTC().toISO()!,
              })
              .execute();
            from = to;
          }
          if (upcoming && st.fee > 0) await seedFees(trx, { state, registrationId: reg.id, year, fee: st.fee, organisation: o.name, standType: st.name, edition: `${JSON.parse(f.name).de} ${year}`, at: submittedAt, organiserId: organiser.id, contactId: contacts.get(o.slug)! });
        }
      }
    }
    // The schedule editor starts from what is published (docs/decisions/031).
    await sql`
      insert into program_item_drafts
        (edition_id, stage_id, uid, title, description, starts_at, ends_at, category, languages, accessibility,
         host_organisation_id, status, created_at, updated_at)
      select edition_id, stage_id, uid, title, description, starts_at, ends_at, category, languages, accessibility,
         host_organisation_id, status, created_at, updated_at
      from program_items`.execute(trx);
    // every confirmed stand has its pass for the festival day (docs/decisions/110)
    await issueMissingPasses(trx);
    return counts;
  });
}
