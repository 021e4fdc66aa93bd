/** Lists the office pages render in the browser too (the *.server.ts modules never reach the browser). */
import type { RegistrationState } from '../../../db/schema';

export const STATES: RegistrationState[] = ['draft', 'submitted', 'approved', 'waitlisted', 'rejected', 'confirmed', 'withdrawn', 'cancelled'];
/** states that hold a place of their stand type */
export const OCCUPYING: RegistrationState[] = ['approved', 'confirmed'];
/** what a message to exhibitors can be narrowed to (drafts are not applications yet) */
export const CAMPAIGN_STATES: RegistrationState[] = ['submitted', 'approved', 'waitlisted', 'rejected', 'confirmed', 'withdrawn', 'cancelled'];
export const EXPORT_KINDS = ['contacts', 'applications'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
