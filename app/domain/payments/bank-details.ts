/** The organisers' account a fee is paid to by bank transfer, as the payment messages show it. */
export interface BankDetails {
  payee: string;
  iban: string;
  bic: string;
  bank: string;
  reference: string;
}
