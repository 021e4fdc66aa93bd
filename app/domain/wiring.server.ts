/**
 * How the domain folders reach each other without importing each other both ways: the
 * hooks one folder offers, filled in by the one that depends on it. Called once at start
 * (app/server/boot.server.ts) and by the tests' database helper; calling it again changes
 * nothing.
 */
import { paymentRequestForApproval } from './payments/requests.server';
import { onApproval } from './registrations/transition.server';

export function wireDomains(): void {
  // an approved stand with a fee is asked to pay, in the approval's transaction
  onApproval((trx, registrationId, options) => paymentRequestForApproval(trx, registrationId, options));
}
