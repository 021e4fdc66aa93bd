/** The categories an organisation can belong to; labels are translated under `categories.*`. */
export const ORGANISATION_CATEGORIES = [
  'religion',
  'union',
  'migrant_organisation',
  'culture',
  'sport',
  'social',
  'initiative',
  'public_body',
] as const;
export type OrganisationCategory = (typeof ORGANISATION_CATEGORIES)[number];

/** Program categories; labels under `programCategories.*`. */
export const PROGRAM_CATEGORIES = ['music', 'dance', 'film', 'talk', 'workshop', 'children', 'exhibition', 'food'] as const;
export type ProgramCategory = (typeof PROGRAM_CATEGORIES)[number];

/** Accessibility flags of a program item; labels under `accessibility.*`. */
export const ACCESSIBILITY_FLAGS = ['wheelchair', 'sign_language', 'simple_language', 'quiet_space'] as const;
