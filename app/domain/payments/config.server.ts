import { env } from '~/server/env.server';
import type { BankDetails } from './bank-details';

/** Who is paid: the city office, as configured (PAYEE_*, RECEIPT_VAT_NOTE); placeholders by default. */
export interface Payee {
  name: string;
  address: string[];
  iban: string;
  bic: string;
  bank: string;
  /** null: the translated default ("umsatzsteuerfrei") */
  vatNote: string | null;
}

export function payee(): Payee {
  const config = env();
  return {
    name: config.PAYEE_NAME,
    address: config.PAYEE_ADDRESS.split('|').map((l) => l.trim()).filter(Boolean),
    iban: config.PAYEE_IBAN,
    bic: config.PAYEE_BIC,
    bank: config.PAYEE_BANK,
    vatNote: config.RECEIPT_VAT_NOTE ?? null,
  };
}

export function publicUrl(): string {
  return env().PUBLIC_URL;
}

/** Stripe Checkout is offered when both Stripe settings are there; otherwise bank transfer. */
export function paymentsOnline(): boolean {
  const config = env();
  return Boolean(config.STRIPE_SECRET_KEY && config.STRIPE_WEBHOOK_SECRET);
}

/** The transfer instructions for a registration's reference; null when fees are paid online. */
export function bankDetailsFor(context: { reference: string }, online = paymentsOnline()): BankDetails | null {
  if (online) return null;
  const p = payee();
  return { payee: p.name, iban: p.iban, bic: p.bic, bank: p.bank, reference: context.reference };
}
