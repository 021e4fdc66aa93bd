/**
 * Every locale the platform speaks. To add one (Romani, say): copy app/locales/de/ to
 * app/locales/<code>/, translate the values, then register it here: one import per
 * namespace file, and the code in LOCALES, localeInfo and resources.
 * docs/translating.md walks through it; app/lib/i18n.test.ts tells you what is missing.
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
import deRegistration from './de/registration.json';
import enRegistration from './en/registration.json';
import trRegistration from './tr/registration.json';
import arRegistration from './ar/registration.json';
import roRegistration from './ro/registration.json';
import bgRegistration from './bg/registration.json';
import deLanguages from './de/languages.json';
import enLanguages from './en/languages.json';
import trLanguages from './tr/languages.json';
import arLanguages from './ar/languages.json';
import roLanguages from './ro/languages.json';
import bgLanguages from './bg/languages.json';
import deFeeds from './de/feeds.json';
import enFeeds from './en/feeds.json';
import trFeeds from './tr/feeds.json';
import arFeeds from './ar/feeds.json';
import roFeeds from './ro/feeds.json';
import bgFeeds from './bg/feeds.json';
import deAdmin from './de/admin.json';
import enAdmin from './en/admin.json';
import trAdmin from './tr/admin.json';
import arAdmin from './ar/admin.json';
import roAdmin from './ro/admin.json';
import bgAdmin from './bg/admin.json';
import dePayments from './de/payments.json';
import enPayments from './en/payments.json';
import trPayments from './tr/payments.json';
import arPayments from './ar/payments.json';
import roPayments from './ro/payments.json';
import bgPayments from './bg/payments.json';
import deSchedule from './de/schedule.json';
import enSchedule from './en/schedule.json';
import trSchedule from './tr/schedule.json';
import arSchedule from './ar/schedule.json';
import roSchedule from './ro/schedule.json';
import bgSchedule from './bg/schedule.json';
import dePublic from './de/public.json';
import enPublic from './en/public.json';
import trPublic from './tr/public.json';
import arPublic from './ar/public.json';
import roPublic from './ro/public.json';
import bgPublic from './bg/public.json';
import deNewcomer from './de/newcomer.json';
import enNewcomer from './en/newcomer.json';
import trNewcomer from './tr/newcomer.json';
import arNewcomer from './ar/newcomer.json';
import roNewcomer from './ro/newcomer.json';
import bgNewcomer from './bg/newcomer.json';
import deSecurity from './de/security.json';
import enSecurity from './en/security.json';
import trSecurity from './tr/security.json';
import arSecurity from './ar/security.json';
import roSecurity from './ro/security.json';
import bgSecurity from './bg/security.json';
import deSetup from './de/setup.json';
import enSetup from './en/setup.json';
import trSetup from './tr/setup.json';
import arSetup from './ar/setup.json';
import roSetup from './ro/setup.json';
import bgSetup from './bg/setup.json';

import dePlaces from './de/places.json';
import enPlaces from './en/places.json';
import trPlaces from './tr/places.json';
import arPlaces from './ar/places.json';
import roPlaces from './ro/places.json';
import bgPlaces from './bg/places.json';
import deVolunteers from './de/volunteers.json';
import enVolunteers from './en/volunteers.json';
import trVolunteers from './tr/volunteers.json';
import arVolunteers from './ar/volunteers.json';
import roVolunteers from './ro/volunteers.json';
import bgVolunteers from './bg/volunteers.json';
import deFestivalDay from './de/festival-day.json';
import enFestivalDay from './en/festival-day.json';
import trFestivalDay from './tr/festival-day.json';
import arFestivalDay from './ar/festival-day.json';
import roFestivalDay from './ro/festival-day.json';
import bgFestivalDay from './bg/festival-day.json';
import type { Locale } from './info';
export { LOCALES, localeInfo, type Locale, type LocaleInfo } from './info';

export const resources = {
  de: { common: deCommon, forms: deForms, auth: deAuth, emails: deEmails, office: deOffice, languages: deLanguages, feeds: deFeeds, registration: deRegistration, admin: deAdmin, payments: dePayments, schedule: deSchedule, newcomer: deNewcomer, security: deSecurity, public: dePublic, places: dePlaces, setup: deSetup, volunteers: deVolunteers, 'festival-day': deFestivalDay },
  en: { common: enCommon, forms: enForms, auth: enAuth, emails: enEmails, office: enOffice, languages: enLanguages, feeds: enFeeds, registration: enRegistration, admin: enAdmin, payments: enPayments, schedule: enSchedule, newcomer: enNewcomer, security: enSecurity, public: enPublic, places: enPlaces, setup: enSetup, volunteers: enVolunteers, 'festival-day': enFestivalDay },
  tr: { common: trCommon, forms: trForms, auth: trAuth, emails: trEmails, office: trOffice, languages: trLanguages, feeds: trFeeds, registration: trRegistration, admin: trAdmin, payments: trPayments, schedule: trSchedule, newcomer: trNewcomer, security: trSecurity, public: trPublic, places: trPlaces, setup: trSetup, volunteers: trVolunteers, 'festival-day': trFestivalDay },
  ar: { common: arCommon, forms: arForms, auth: arAuth, emails: arEmails, office: arOffice, languages: arLanguages, feeds: arFeeds, registration: arRegistration, admin: arAdmin, payments: arPayments, schedule: arSchedule, newcomer: arNewcomer, security: arSecurity, public: arPublic, places: arPlaces, setup: arSetup, volunteers: arVolunteers, 'festival-day': arFestivalDay },
  ro: { common: roCommon, forms: roForms, auth: roAuth, emails: roEmails, office: roOffice, languages: roLanguages, feeds: roFeeds, registration: roRegistration, admin: roAdmin, payments: roPayments, schedule: roSchedule, newcomer: roNewcomer, security: roSecurity, public: roPublic, places: roPlaces, setup: roSetup, volunteers: roVolunteers, 'festival-day': roFestivalDay },
  bg: { common: bgCommon, forms: bgForms, auth: bgAuth, emails: bgEmails, office: bgOffice, languages: bgLanguages, feeds: bgFeeds, registration: bgRegistration, admin: bgAdmin, payments: bgPayments, schedule: bgSchedule, newcomer: bgNewcomer, security: bgSecurity, public: bgPublic, places: bgPlaces, setup: bgSetup, volunteers: bgVolunteers, 'festival-day': bgFestivalDay },
} satisfies Record<Locale, Record<string, unknown>>;

