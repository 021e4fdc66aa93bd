/**
 * The texts a fresh installation starts with, in German and English; organisers replace
 * them at /office/pages. Other languages show the German text with a note until someone
 * writes theirs. Placeholders in [brackets] are for the city to fill in.
 */
export interface PageText {
  title: string;
  body: string;
}

export const impressumDefaults: Record<string, PageText> = {
  de: {
    title: 'Impressum',
    body: `## Anbieter
Stadt Dortmund
Büro für Festkultur
Friedensplatz 1
44135 Dortmund

## Kontakt
- E-Mail: [festkultur@stadt.example](mailto:festkultur@stadt.example)
- Telefon: [0231 000000]

## Vertreten durch
[Name der Oberbürgermeisterin oder des Oberbürgermeisters]

## Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV
[Name], Büro für Festkultur, Anschrift wie oben.

## Hinweis
Die Stadt Dortmund ist eine Körperschaft des öffentlichen Rechts. Umsatzsteuer-Identifikationsnummer: [DE000000000].`,
  },
  en: {
    title: 'Legal notice',
    body: `## Provider
City of Dortmund
Office for Festivals
Friedensplatz 1
44135 Dortmund, Germany

## Contact
- Email: [festkultur@stadt.example](mailto:festkultur@stadt.example)
- Phone: [+49 231 000000]

## Represented by
[Name of the mayor]

## Responsible for the content (§ 18 (2) MStV)
[Name], Office for Festivals, address as above.

## Note
The City of Dortmund is a public-law corporation. VAT identification number: [DE000000000].`,
  },
};

export const privacyDefaults: Record<string, PageText> = {
  de: {
    title: 'Datenschutzhinweise',
    body: `## Wer ist verantwortlich?
Stadt Dortmund, Büro für Festkultur, Friedensplatz 1, 44135 Dortmund, [festkultur@stadt.example](mailto:festkultur@stadt.example). Die behördliche Datenschutzbeauftragte erreichen Sie unter [datenschutz@stadt.example](mailto:datenschutz@stadt.example).

## Welche Daten verarbeiten wir?
- Ihre E-Mail-Adresse, Ihren Namen und Ihre Sprache, wenn Sie sich anmelden.
- Die Angaben Ihrer Organisation und Ihre Standanmeldungen mit ihrem Verlauf.
- Die E-Mails, die wir Ihnen schicken (Empfänger, Zeitpunkt, Zustellung).
- Ihre Einwilligungen mit Zeitpunkt und Textfassung.

## Wozu und auf welcher Grundlage?
Zur Durchführung der Feste und Ihrer Standanmeldung (Art. 6 Abs. 1 lit. b und e DSGVO). Die Nennung Ihrer Organisation im öffentlichen Programm erfolgt nur mit Ihrer Einwilligung (Art. 6 Abs. 1 lit. a DSGVO), die Sie jederzeit widerrufen können.

## Wie lange?
Kontaktdaten zu Ausgaben, die länger als die eingestellte Frist (in der Regel 24 Monate) zurückliegen, löschen oder anonymisieren wir automatisch. Zahlungsbelege bewahren wir so lange auf, wie das Haushalts- und Steuerrecht es verlangt, dann ohne Ihren Namen und Ihre E-Mail-Adresse.

## Ihre Rechte
Sie können unter [Mein Konto → Datenschutz](/account/privacy) jederzeit Ihre Daten herunterladen (Art. 15 DSGVO) und Ihr Konto löschen (Art. 17 DSGVO). Sie haben außerdem das Recht auf Berichtigung, Einschränkung, Widerspruch und Beschwerde bei der Landesbeauftragten für Datenschutz und Informationsfreiheit Nordrhein-Westfalen.

## Cookies
Wir setzen nur technisch notwendige Cookies: eines für Ihre Anmeldung und eines für die gewählte Sprache. Es gibt keine Analyse und kein Tracking.`,
  },
  en: {
    title: 'Privacy notice',
    body: `## Who is responsible?
City of Dortmund, Office for Festivals, Friedensplatz 1, 44135 Dortmund, Germany, [festkultur@stadt.example](mailto:festkultur@stadt.example). You can reach the data protection officer at [datenschutz@stadt.example](mailto:datenschutz@stadt.example).

## What data do we process?
- Your email address, name and language when you sign in.
- Your organisation's details and your stand applications with their history.
- The emails we send you (recipient, time, delivery).
- Your consents with the time and the version of the text.

## For what, and on what basis?
To run the festivals and your stand application (Art. 6(1)(b) and (e) GDPR). Your organisation is named in the public program only with your consent (Art. 6(1)(a) GDPR), which you can withdraw at any time.

## How long?
Contact data of editions that ended longer ago than the configured period (usually 24 months) is deleted or anonymised automatically. Payment records are kept as long as public budget and tax law require, then without your name and email address.

## Your rights
Under [My account → Privacy](/account/privacy) you can download your data (Art. 15 GDPR) and erase your account (Art. 17 GDPR) at any time. You also have the right to rectification, restriction, objection and to complain to the data protection authority of North Rhine-Westphalia.

## Cookies
We only set cookies that are technically necessary: one for your sign-in and one for the language you chose. There is no analytics and no tracking.`,
  },
};
