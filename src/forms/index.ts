/** Printable forms: plain data in, an A4 PDF Buffer out. */
export type * from './forms.ts';
export { openingApplicationPdf, OPENING_APPLICATION_TITLE } from './opening-application.ts';
export {
  traineeRegistrationPdf,
  registrationCheckboxes,
  TRAINEE_REGISTRATION_TITLE,
  TRAINEE_GROUP_LABELS,
  EMPLOYMENT_STATUS_LABELS,
  TRAINING_LEVEL_LABELS,
} from './trainee-registration.ts';
export { rosterPdf, rosterColumns, ROSTER_TITLE } from './roster.ts';
export { DEFAULT_FONT_PATH, DEFAULT_FONT_NAME, loadFont } from './pdf.ts';
