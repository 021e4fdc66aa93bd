/** What the registration messages are rendered from (emails/registration-*.ts); written by the transitions. */
export interface RegistrationMailPayload {
  registrationId: number;
  organisationName: string;
  /** JSON text keyed by locale */
  editionTitle: string;
  startsOn: string;
  endsOn: string;
  /** JSON text keyed by locale */
  standTypeName: string;
  reason: string | null;
  statusUrl: string;
  /** JSON text keyed by locale: the organisers' own words about setup */
  setupInfo: string;
  setup: { startsAt: string; endsAt: string; derived: boolean; location: string | null } | null;
  decidedAt: string;
}
