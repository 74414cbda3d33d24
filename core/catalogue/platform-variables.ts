/**
 * The process variables the platform sets when it starts a case. A start form's top-level fields
 * become variables of the same name, so none may take one of these names (the package check
 * refuses it); `applicant` and `paymentMethod` are fields the platform itself reads.
 */
export const PLATFORM_VARIABLES = [
  'caseId', 'serviceId', 'municipalityId', 'language', 'feeRappen', 'residentsOfficeGroup', 'settings',
  'paymentReminderAfter', 'paymentCancelAfter', 'informationAnswerWithin', 'identityVerified', 'organisationId',
  'request', 'residentId',
] as const;

/** Start-form fields the platform reads itself: the applicant (kept for the clerks) and how the fee is paid. */
export const PLATFORM_FORM_FIELDS = ['applicant', 'paymentMethod'] as const;
