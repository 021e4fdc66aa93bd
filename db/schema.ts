/**
 * The one Database interface: every table the app knows, typed for Kysely.
 * Times are UTC instants as ISO-8601 strings ("2026-10-24T12:00:00.000Z"), days are
 * "YYYY-MM-DD" in Europe/Berlin. Texts written by people in several languages are
 * JSON objects keyed by locale ({"de": "...", "en": "..."}), see app/lib/i18n-text.ts.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** JSON stored as TEXT: written as a string, read as a string, parsed by the caller. */
export type JsonText = string;
type CreatedAt = ColumnType<string, string | undefined, never>;
/** A column with a database default: optional on insert. */
type Default<T> = ColumnType<T, T | undefined, T>;

export interface SeriesTable {
  id: Generated<number>;
  slug: string;
  name: JsonText;
  description: Default<JsonText>;
  /** the public contact address of the series team; null: none given */
  contact_email: Default<string | null>;
  created_at: CreatedAt;
}

export type EditionStatus = 'draft' | 'published' | 'archived';
export interface EditionsTable {
  id: Generated<number>;
  series_id: number;
  slug: string;
  year: number;
  title: JsonText;
  description: Default<JsonText>;
  starts_on: string;
  ends_on: string;
  registration_opens_at: string | null;
  registration_closes_at: string | null;
  setup_info: Default<JsonText>;
  /** the setup window as UTC instants; null: derived from the opening hours (docs/decisions/041) */
  setup_starts_at: Default<string | null>;
  setup_ends_at: Default<string | null>;
  status: Default<EditionStatus>;
  /** set when the whole edition was called off: every item is cancelled, the edition stays listed as cancelled */
  cancelled_at: Default<string | null>;
  created_at: CreatedAt;
}

export interface VenuesTable {
  id: Generated<number>;
  edition_id: number;
  name: JsonText;
  address: string;
  lat: number | null;
  lng: number | null;
  sort_order: Default<number>;
  /** JSON array of flags, see app/domain/places/venues.schema.ts (VENUE_ACCESS) */
  accessibility: Default<JsonText>;
  /** JSON keyed by locale */
  accessibility_note: Default<JsonText>;
}

/** An area's background picture of the grounds, re-encoded server-side (pixels only). */
export interface SitePlanImagesTable {
  stage_id: number;
  edition_id: number;
  mime: 'image/png' | 'image/jpeg';
  image: Buffer;
  /** pixels of the stored (re-encoded) picture */
  width: number;
  height: number;
  /** how many metres the picture's width shows on the plan */
  width_m: Default<number>;
  updated_at: Default<string>;
}

export type StageKind = 'stage' | 'area';
export interface StagesTable {
  id: Generated<number>;
  edition_id: number;
  venue_id: number;
  slug: string;
  name: JsonText;
  kind: Default<StageKind>;
  sort_order: Default<number>;
  changeover_minutes: Default<number>;
}

export interface OpeningHoursTable {
  id: Generated<number>;
  stage_id: number;
  day: string;
  opens_at: string;
  closes_at: string;
}

export interface StandTypesTable {
  id: Generated<number>;
  edition_id: number;
  slug: string;
  name: JsonText;
  description: Default<JsonText>;
  fee_cents: Default<number>;
  capacity: number;
  width_m: number;
  depth_m: number;
  /** JSON array of equipment keys included: "gazebo", "table", "bench", "power" */
  equipment: Default<JsonText>;
}

export interface OrganisationsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  legal_form: string | null;
  description: Default<JsonText>;
  website: string | null;
  /** JSON array of category keys, see app/domain/organisations/categories.ts */
  categories: Default<JsonText>;
  /** JSON array of BCP-47 language codes spoken at the stand */
  languages: Default<JsonText>;
  created_at: CreatedAt;
}

export type PersonRole = 'member' | 'organiser';
export interface PeopleTable {
  id: Generated<number>;
  email: string;
  name: string;
  locale: Default<string>;
  role: Default<PersonRole>;
  created_at: CreatedAt;
  /** set when the person's data was erased (Art. 17) or expired: the row stays, pseudonymous */
  erased_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface MembershipsTable {
  person_id: number;
  organisation_id: number;
  role: Default<'owner' | 'member'>;
  created_at: CreatedAt;
}

export type RegistrationState =
  | 'draft'
  | 'submitted'
  | 'approved'
  | 'waitlisted'
  | 'rejected'
  | 'confirmed'
  | 'withdrawn'
  | 'cancelled';

export interface RegistrationsTable {
  id: Generated<number>;
  edition_id: number;
  organisation_id: number;
  stand_type_id: number;
  state: Default<RegistrationState>;
  width_m: number;
  depth_m: number;
  power_watts: Default<number>;
  water: Default<number>;
  tables: Default<number>;
  benches: Default<number>;
  own_gazebo: Default<number>;
  vehicle_access: Default<number>;
  activities: Default<string>;
  stage_act_title: string | null;
  stage_act_minutes: number | null;
  stage_act_needs: string | null;
  accessibility: Default<string>;
  public_consent: Default<number>;
  submitted_at: string | null;
  created_at: CreatedAt;
  updated_at: Default<string>;
  /** the last payment reminder stage sent (0: none), written with the reminder mail */
  payment_reminder_stage: Default<number>;
}

export interface RegistrationEventsTable {
  id: Generated<number>;
  registration_id: number;
  from_state: RegistrationState | null;
  to_state: RegistrationState;
  actor_person_id: number | null;
  reason: string | null;
  created_at: CreatedAt;
}

export type ProgramItemStatus = 'scheduled' | 'cancelled';
export interface ProgramItemsTable {
  id: Generated<number>;
  edition_id: number;
  stage_id: number | null;
  /** stable across every change, the iCalendar UID */
  uid: string;
  /** raised with every published change, the iCalendar SEQUENCE */
  sequence: Default<number>;
  title: JsonText;
  description: Default<JsonText>;
  starts_at: string;
  ends_at: string;
  category: string;
  /** JSON array of BCP-47 language codes */
  languages: Default<JsonText>;
  /** JSON array of accessibility flags: wheelchair, sign_language, simple_language, quiet_space */
  accessibility: Default<JsonText>;
  host_organisation_id: number | null;
  status: Default<ProgramItemStatus>;
  /**
   * Not used for new items: a recurring item is expanded into one row per occurrence, each
   * with its own uid, linked by `series_uid` (docs/decisions/031). Feeds emit no RRULE.
   */
  recurrence_rule: Default<string | null>;
  /** the application whose stage act this item is; null for items planned by the organisers */
  registration_id: Default<number | null>;
  /** shared by every occurrence of one recurring item; null for single items */
  series_uid: Default<string | null>;
  created_at: CreatedAt;
  updated_at: Default<string>;
}

/**
 * The schedule editor's working copy. program_items holds the last published state;
 * publishing copies drafts over it (app/domain/schedule/publish.server.ts). Same uid.
 */
export interface ProgramItemDraftsTable {
  id: Generated<number>;
  edition_id: number;
  stage_id: number | null;
  uid: string;
  series_uid: Default<string | null>;
  title: JsonText;
  description: Default<JsonText>;
  starts_at: string;
  ends_at: string;
  category: string;
  languages: Default<JsonText>;
  accessibility: Default<JsonText>;
  host_organisation_id: Default<number | null>;
  registration_id: Default<number | null>;
  status: Default<ProgramItemStatus>;
  created_at: CreatedAt;
  updated_at: Default<string>;
}

/** A numbered spot on an area's site plan; sizes and positions in metres. */
export interface PitchesTable {
  id: Generated<number>;
  edition_id: number;
  /** the area (stages.kind = 'area') whose plan the pitch is on */
  stage_id: number;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** watts available at the pitch */
  power_available: Default<number>;
  /** 1 when water is at hand */
  water: Default<number>;
  /** the registration placed here; a registration has at most one pitch */
  registration_id: Default<number | null>;
}

export interface ScheduleReleasesTable {
  id: Generated<number>;
  edition_id: number;
  version: number;
  published_at: string;
  published_by: number | null;
  /** JSON array of ReleaseChange (app/domain/schedule/changes.ts): { uid, change: 'added' | 'moved' | 'changed' | 'cancelled' | 'restored', title?, ... } */
  changes: Default<JsonText>;
}

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';
export interface OutboxTable {
  id: Generated<number>;
  to_address: string;
  locale: string;
  template: string;
  /** JSON object handed to the template */
  payload: Default<JsonText>;
  status: Default<OutboxStatus>;
  attempts: Default<number>;
  last_error: string | null;
  next_attempt_at: Default<string>;
  sent_at: string | null;
  /** optional: a second row with the same key is not written */
  dedupe_key: string | null;
  created_at: CreatedAt;
}

export interface SignInTokensTable {
  id: Generated<number>;
  email: string;
  /** sha256 of the token; the token itself only ever exists in the email */
  token_hash: string;
  redirect_to: Default<string>;
  locale: Default<string>;
  expires_at: string;
  used_at: string | null;
  created_at: CreatedAt;
}

/** A signed-in browser; the cookie carries only the random id whose hash is `token_hash`. */
/** One row: moved by triggers whenever a table that public pages show changes (docs/decisions/101). */
export interface PublicDataVersionTable {
  id: number;
  version: number;
}

export interface SessionsTable {
  id: Generated<number>;
  token_hash: string;
  person_id: number;
  /** 1 between the email link and the second factor (office people) */
  pending: Default<number>;
  /** where a pending sign-in goes once the second factor is shown */
  redirect_to: string | null;
  created_at: CreatedAt;
  last_seen_at: Default<string>;
  second_factor_at: string | null;
  user_agent: string | null;
}

export interface InvitationsTable {
  id: Generated<number>;
  organisation_id: number;
  email: string;
  /** sha256 of the token; the token itself only ever exists in the email */
  token_hash: string;
  invited_by: number | null;
  locale: Default<string>;
  expires_at: string;
  accepted_at: string | null;
  accepted_by: number | null;
  created_at: CreatedAt;
}

/** A resident's starred items behind a secret, revocable feed URL (no account, no personal data). */
export interface PersonalFeedsTable {
  id: Generated<number>;
  token: string;
  /** JSON array of program item uids */
  uids: Default<JsonText>;
  created_at: CreatedAt;
  updated_at: Default<string>;
}

export type SubscriptionStatus = 'pending' | 'confirmed' | 'unsubscribed';
/** A resident following a series by email, with double opt-in and the consent as given. */
export interface SeriesSubscriptionsTable {
  id: Generated<number>;
  series_id: number;
  email: string;
  locale: Default<string>;
  /** secret of the confirm and unsubscribe links */
  token: string;
  status: Default<SubscriptionStatus>;
  consent_version: string;
  /** the exact consent text the resident agreed to, in their language */
  consent_text: string;
  requested_at: Default<string>;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
}

/** A series team: office people who edit one series and review its applications. */
export interface SeriesTeamMembersTable {
  person_id: number;
  series_id: number;
  created_at: CreatedAt;
}

export interface TotpCredentialsTable {
  person_id: number;
  /** base32; confirmed_at is null until the first code was entered */
  secret: string;
  confirmed_at: string | null;
  /** the last TOTP time step accepted: a code is never accepted twice */
  last_step: Default<number>;
  created_at: CreatedAt;
}

export interface AuditLogTable {
  id: Generated<number>;
  /** null: the system (retention job) */
  actor_person_id: number | null;
  /** dotted name, e.g. "edition.cloned", "export.contacts" */
  action: string;
  subject_type: string;
  subject_id: string | null;
  /** JSON object; never holds an email address (erasure scrubs it anyway) */
  details: Default<JsonText>;
  created_at: CreatedAt;
}

export type ConsentKind = 'public_listing' | 'privacy_notice';
export interface ConsentsTable {
  id: Generated<number>;
  person_id: number;
  kind: ConsentKind;
  /** which wording was agreed to, e.g. "public-listing@2026-11-25" or "datenschutz@3" */
  text_version: string;
  subject_type: string | null;
  subject_id: number | null;
  given_at: Default<string>;
  withdrawn_at: string | null;
}

export interface PagesTable {
  id: Generated<number>;
  slug: string;
  locale: string;
  title: string;
  /** Markdown-lite, see app/lib/markdown-lite.ts */
  body: string;
  /** raised with every save */
  version: Default<number>;
  updated_by: number | null;
  updated_at: Default<string>;
}

export interface MailCampaignsTable {
  id: Generated<number>;
  edition_id: number;
  created_by: number | null;
  /** JSON: { states: string[], standTypeIds: number[] } */
  filters: Default<JsonText>;
  /** JSON keyed by locale, German required */
  subject: JsonText;
  body: JsonText;
  recipient_count: Default<number>;
  created_at: CreatedAt;
}

export type PaymentMethod = 'stripe' | 'bank_transfer';
/** pretix's OrderPayment states: created → pending → confirmed; failed, canceled; refunded when all of it went back */
export type PaymentState = 'created' | 'pending' | 'confirmed' | 'failed' | 'canceled' | 'refunded';
/** why an organiser should look at a payment */
export type PaymentFlag = 'underpaid' | 'overpaid' | 'duplicate' | 'refunded_outside';
export interface PaymentsTable {
  id: Generated<number>;
  registration_id: number;
  method: PaymentMethod;
  state: Default<PaymentState>;
  /** what was asked for, read from stand_types.fee_cents when the payment was started */
  amount_cents: number;
  /** what arrived (Stripe's amount_received, or the amount an organiser entered for a transfer) */
  received_cents: number | null;
  currency: Default<string>;
  /** the nth checkout of this registration; part of the Stripe idempotency key */
  attempt: Default<number>;
  /** the registration's transfer reference, e.g. FP-2027-000123-1 */
  reference: string;
  stripe_session_id: string | null;
  stripe_payment_intent_id: string | null;
  checkout_url: string | null;
  checkout_expires_at: string | null;
  /** Berlin day a bank transfer arrived */
  received_on: string | null;
  flag: PaymentFlag | null;
  note: string | null;
  recorded_by: number | null;
  confirmed_at: string | null;
  created_at: CreatedAt;
  updated_at: Default<string>;
}

export type RefundState = 'pending' | 'done' | 'failed';
export interface RefundsTable {
  id: Generated<number>;
  payment_id: number;
  amount_cents: number;
  state: Default<RefundState>;
  stripe_refund_id: string | null;
  reason: Default<string>;
  /** 1: seen in Stripe, made outside Festplatz */
  external: Default<number>;
  last_error: string | null;
  created_by: number | null;
  created_at: CreatedAt;
  done_at: string | null;
}

export interface ReceiptsTable {
  id: Generated<number>;
  year: number;
  /** sequential within the year, without gaps */
  number: number;
  /** "2027-00001" */
  receipt_number: string;
  payment_id: number;
  registration_id: number;
  organisation_id: number;
  payer_name: string;
  /** JSON text keyed by locale */
  description: JsonText;
  amount_cents: number;
  currency: string;
  method: PaymentMethod;
  /** JSON: { name, address: string[], vatNote } as printed on the day */
  payee: JsonText;
  issued_at: string;
}

export type WaiverState = 'requested' | 'granted' | 'refused';
export interface WaiverRequestsTable {
  id: Generated<number>;
  registration_id: number;
  reason: string;
  non_profit: Default<number>;
  state: Default<WaiverState>;
  requested_by: number | null;
  decided_by: number | null;
  decision_reason: string | null;
  created_at: CreatedAt;
  decided_at: string | null;
}

export interface StripeEventsTable {
  /** Stripe's event id: one row per event, so a replay is recognised */
  id: string;
  type: string;
  outcome: 'processed' | 'ignored';
  note: string | null;
  payment_id: number | null;
  received_at: CreatedAt;
}

/** An exhibitor's choice about circulars and invitations to apply again (no row: never asked). */
export interface MailPreferencesTable {
  person_id: number;
  token: string;
  circulars_off_at: string | null;
  created_at: CreatedAt;
}

export interface VolunteerRolesTable {
  id: Generated<number>;
  edition_id: number;
  /** JSON keyed by locale */
  name: JsonText;
  description: Default<JsonText>;
  /** e.g. "lifting", "first-aid course"; JSON keyed by locale */
  note: Default<JsonText>;
  /** JSON array of language codes the role asks for */
  languages: Default<JsonText>;
  min_age: Default<number>;
  /** 1: under-18s (at least min_age) may take it with a guardian's consent */
  allows_minors: Default<number>;
  /** a volunteer cancels up to this many hours before a shift; later only the coordinator */
  cancel_hours: Default<number>;
  sort_order: Default<number>;
  created_at: CreatedAt;
}

export interface VolunteerShiftsTable {
  id: Generated<number>;
  edition_id: number;
  role_id: number;
  /** a stage or an area; null: the festival grounds */
  stage_id: number | null;
  starts_at: string;
  ends_at: string;
  needed: number;
  cancelled_at: Default<string | null>;
  created_at: CreatedAt;
}

export interface VolunteerGroupsTable {
  id: Generated<number>;
  shift_id: number;
  organisation_id: number;
  contact_person_id: number;
  created_at: CreatedAt;
}

export type VolunteerSignupStatus = 'confirmed' | 'waiting' | 'cancelled';
export interface VolunteerSignupsTable {
  id: Generated<number>;
  shift_id: number;
  edition_id: number;
  /** the resident; null for a member of a group */
  person_id: number | null;
  group_id: number | null;
  name: string;
  status: VolunteerSignupStatus;
  /** JSON array of language codes the volunteer speaks */
  languages: Default<JsonText>;
  guardian_name: Default<string | null>;
  age_confirmed: Default<number>;
  consent_version: string;
  consent_text: string;
  checked_in_at: Default<string | null>;
  checked_in_by: Default<number | null>;
  cancelled_at: Default<string | null>;
  created_at: CreatedAt;
}

/** A volunteer's shifts as a calendar feed behind a secret, revocable token. */
export interface VolunteerFeedsTable {
  person_id: number;
  token: string;
  created_at: CreatedAt;
}

/** A confirmed stand's pass for the festival day: a random code, no personal data (docs/decisions/110). */
export interface StandPassesTable {
  id: Generated<number>;
  registration_id: number;
  edition_id: number;
  /** seven characters of the pass alphabet, stored without dashes (app/domain/festival-day/pass-code.ts) */
  code: string;
  created_at: CreatedAt;
}

export type CheckInMethod = 'code' | 'list' | 'scan' | 'offline';
/** A stand's arrival on the day; an undone one stays with who undid it and when. At most one not undone per stand. */
export interface StandCheckInsTable {
  id: Generated<number>;
  registration_id: number;
  edition_id: number;
  checked_in_at: string;
  checked_in_by: number | null;
  method: CheckInMethod;
  undone_at: Default<string | null>;
  undone_by: Default<number | null>;
}

export interface Database {
  series: SeriesTable;
  editions: EditionsTable;
  venues: VenuesTable;
  stages: StagesTable;
  opening_hours: OpeningHoursTable;
  stand_types: StandTypesTable;
  organisations: OrganisationsTable;
  people: PeopleTable;
  memberships: MembershipsTable;
  registrations: RegistrationsTable;
  registration_events: RegistrationEventsTable;
  program_items: ProgramItemsTable;
  program_item_drafts: ProgramItemDraftsTable;
  pitches: PitchesTable;
  site_plan_images: SitePlanImagesTable;
  schedule_releases: ScheduleReleasesTable;
  outbox: OutboxTable;
  sign_in_tokens: SignInTokensTable;
  invitations: InvitationsTable;
  sessions: SessionsTable;
  personal_feeds: PersonalFeedsTable;
  series_subscriptions: SeriesSubscriptionsTable;
  series_team_members: SeriesTeamMembersTable;
  totp_credentials: TotpCredentialsTable;
  audit_log: AuditLogTable;
  consents: ConsentsTable;
  pages: PagesTable;
  mail_campaigns: MailCampaignsTable;
  payments: PaymentsTable;
  refunds: RefundsTable;
  receipts: ReceiptsTable;
  waiver_requests: WaiverRequestsTable;
  stripe_events: StripeEventsTable;
  mail_preferences: MailPreferencesTable;
  public_data_version: PublicDataVersionTable;
  volunteer_roles: VolunteerRolesTable;
  volunteer_shifts: VolunteerShiftsTable;
  volunteer_groups: VolunteerGroupsTable;
  volunteer_signups: VolunteerSignupsTable;
  volunteer_feeds: VolunteerFeedsTable;
  stand_passes: StandPassesTable;
  stand_check_ins: StandCheckInsTable;
}

export type Series = Selectable<SeriesTable>;
export type Edition = Selectable<EditionsTable>;
export type Venue = Selectable<VenuesTable>;
export type Stage = Selectable<StagesTable>;
export type StandType = Selectable<StandTypesTable>;
export type Organisation = Selectable<OrganisationsTable>;
export type Person = Selectable<PeopleTable>;
export type Registration = Selectable<RegistrationsTable>;
export type NewRegistration = Insertable<RegistrationsTable>;
export type RegistrationUpdate = Updateable<RegistrationsTable>;
export type ProgramItem = Selectable<ProgramItemsTable>;
export type NewProgramItem = Insertable<ProgramItemsTable>;
export type ProgramItemDraft = Selectable<ProgramItemDraftsTable>;
export type Pitch = Selectable<PitchesTable>;
export type ScheduleRelease = Selectable<ScheduleReleasesTable>;
export type OutboxMessage = Selectable<OutboxTable>;
export type RegistrationEvent = Selectable<RegistrationEventsTable>;
export type Invitation = Selectable<InvitationsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type PersonalFeed = Selectable<PersonalFeedsTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type Consent = Selectable<ConsentsTable>;
export type Page = Selectable<PagesTable>;
export type MailCampaign = Selectable<MailCampaignsTable>;
export type Payment = Selectable<PaymentsTable>;
export type Refund = Selectable<RefundsTable>;
export type Receipt = Selectable<ReceiptsTable>;
export type WaiverRequest = Selectable<WaiverRequestsTable>;
export type VolunteerRole = Selectable<VolunteerRolesTable>;
export type VolunteerShift = Selectable<VolunteerShiftsTable>;
export type VolunteerSignup = Selectable<VolunteerSignupsTable>;
