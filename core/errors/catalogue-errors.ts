import { invalidField } from './problem-error.ts';

/** The refusals of the catalogue search (SVC-2), each naming the query parameter at fault. */
export const catalogueErrors = {
  searchWordsMissing: () => invalidField('/querystring/q', 'has no words: say what you are looking for'),
  searchWordsTooLong: (max: number) => invalidField('/querystring/q', `is longer than ${max} characters`),
  searchMunicipalityUnknown: () => invalidField('/querystring/municipality', 'is not a known municipality'),
};
