/** Upper bound of a draft's `data` as JSON, and of the drafts one account keeps. */
export const DRAFT_DATA_MAX_BYTES = 32 * 1024;
export const DRAFTS_PER_ACCOUNT = 50;

