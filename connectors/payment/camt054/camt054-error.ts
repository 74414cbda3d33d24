/** Why a camt.054 document was refused; stable for callers and tests. */
export type Camt054Problem =
  | 'malformed-xml'
  | 'not-camt054'
  | 'missing-element'
  | 'repeated-element'
  | 'invalid-value'
  | 'duplicate-reference';

/**
 * A camt.054 document that cannot be read. The message names the problem and the element path
 * only: a bank file carries citizens' names and IBANs, which must never reach a log.
 */
export class Camt054Error extends Error {
  override readonly name = 'Camt054Error';
  readonly problem: Camt054Problem;
  /** Element path from the root, 1-based like XPath, e.g. 'Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]/Ntry[2]/Amt'. */
  readonly path: string;

  constructor(problem: Camt054Problem, path: string, detail: string) {
    super(`camt.054: ${detail} at ${path}`);
    this.problem = problem;
    this.path = path;
  }
}
