/**
 * Every locale the platform speaks. To add one (Romani, say): copy app/locales/en/ to
 * app/locales/<code>/, translate the values, and add it to the three lists below.
 */
import deCommon from './de/common.json';
import enCommon from './en/common.json';
import trCommon from './tr/common.json';
import arCommon from './ar/common.json';
import roCommon from './ro/common.json';
import bgCommon from './bg/common.json';
import deForms from './de/forms.json';
import enForms from './en/forms.json';
import trForms from './tr/forms.json';
import arForms from './ar/forms.json';
import roForms from './ro/forms.json';
import bgForms from './bg/forms.json';
import deAuth from './de/auth.json';
import enAuth from './en/auth.json';
import trAuth from './tr/auth.json';
import arAuth from './ar/auth.json';
import roAuth from './ro/auth.json';
import bgAuth from './bg/auth.json';
import deEmails from './de/emails.json';
import enEmails from './en/emails.json';
import trEmails from './tr/emails.json';
import arEmails from './ar/emails.json';
import roEmails from './ro/emails.json';
import bgEmails from './bg/emails.json';
import deOffice from './de/office.json';
import enOffice from './en/office.json';
import trOffice from './tr/office.json';
import arOffice from './ar/office.json';
import roOffice from './ro/office.json';
import bgOffice from './bg/office.json';
import deLanguages from './de/languages.json';
import enLanguages from './en/languages.json';
import trLanguages from './tr/languages.json';
import arLanguages from './ar/languages.json';
import roLanguages from './ro/languages.json';
import bgLanguages from './bg/languages.json';
import deSchedule from './de/schedule.json';
import enSchedule from './en/schedule.json';
import trSchedule from './tr/schedule.json';
import arSchedule from './ar/schedule.json';
import roSchedule from './ro/schedule.json';
import bgSchedule from './bg/schedule.json';

export const LOCALES = ['de', 'en', 'tr', 'ar', 'ro', 'bg'] as const;
export type Locale = (typeof LOCALES)[number];

export const localeInfo: Record<Locale, { name: string; dir: 'ltr' | 'rtl' }> = {
  de: { name: 'Deutsch', dir: 'ltr' },
  en: { name: 'English', dir: 'ltr' },
  tr: { name: 'Türkçe', dir: 'ltr' },
  ar: { name: 'العربية', dir: 'rtl' },
  ro: { name: 'Română', dir: 'ltr' },
  bg: { name: 'Български', dir: 'ltr' },
};

export const resources = {
  de: { common: deCommon, forms: deForms, auth: deAuth, emails: deEmails, office: deOffice, languages: deLanguages, schedule: deSchedule },
  en: { common: enCommon, forms: enForms, auth: enAuth, emails: enEmails, office: enOffice, languages: enLanguages, schedule: enSchedule },
  tr: { common: trCommon, forms: trForms, auth: trAuth, emails: trEmails, office: trOffice, languages: trLanguages, schedule: trSchedule },
  ar: { common: arCommon, forms: arForms, auth: arAuth, emails: arEmails, office: arOffice, languages: arLanguages, schedule: arSchedule },
  ro: { common: roCommon, forms: roForms, auth: roAuth, emails: roEmails, office: roOffice, languages: roLanguages, schedule: roSchedule },
  bg: { common: bgCommon, forms: bgForms, auth: bgAuth, emails: bgEmails, office: bgOffice, languages: bgLanguages, schedule: bgSchedule },
} satisfies Record<Locale, Record<string, unknown>>;
