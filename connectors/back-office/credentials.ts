import { readFileSync } from 'node:fs';

/**
 * Reads a back-office credential by its reference: the environment variable `<ref>`, or the file
 * named by `<ref>_FILE` (Docker and Kubernetes secrets), trimmed. The database only ever holds
 * the reference.
 */
export function readCredentialFrom(environment: NodeJS.ProcessEnv, readFile: (path: string) => string = (path) => readFileSync(path, 'utf8')) {
  return (ref: string): string | undefined => {
    const direct = environment[ref];
    if (direct !== undefined && direct !== '') return direct;
    const file = environment[`${ref}_FILE`];
    if (file === undefined || file === '') return undefined;
    const fromFile = readFile(file).trim();
    return fromFile === '' ? undefined : fromFile;
  };
}

/** The environment variable (or `<name>_FILE`) holding a vendor's credential in development. */
export const developmentCredentialRef = (vendor: string) => `BACK_OFFICE_${vendor.toUpperCase()}_CREDENTIAL`;
