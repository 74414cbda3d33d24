/**
 * Checks Hürlimann documents against the schema set in `./xsd` with libxml2: the vendor's message
 * schema and the eCH schemas it imports. The set is compiled once per process. Only element paths
 * and the kind of violation leave this module, never libxml2's messages, which quote values.
 *
 * The eCH imports name the official locations (http://www.ech.ch/xmlns/...); an input provider
 * serves them from the local file of the same name, so dropping the official files into `./xsd`
 * replaces the restated subsets without touching any import.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  XmlDocument,
  XmlParseError,
  XmlValidateError,
  XsdValidator,
  closeBuffer,
  openBuffer,
  readBuffer,
  xmlRegisterInputProvider,
  type ErrorDetail,
} from 'libxml2-wasm';

const XSD_FOLDER = new URL('./xsd/', import.meta.url);
const ENTRY_SCHEMA = new URL('hurlimann-portal-1.xsd', XSD_FOLDER);
const SERVED_LOCATIONS = ['http://www.ech.ch/xmlns/', 'https://www.ech.ch/xmlns/', XSD_FOLDER.href];

export type SchemaCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly problem: 'not-well-formed' }
  /** `at` is the element path of the first violation, e.g. '/hp:message/hp:header'. */
  | { readonly ok: false; readonly problem: 'invalid'; readonly at: string; readonly violation: Violation };

/** The kind of violation, e.g. 'missing element country' (names from the schema only). */
export type Violation = string;

let validator: XsdValidator | undefined;
let registered = false;
/** Input providers are global to libxml2: serve files only while this schema set compiles. */
let compiling = false;

/** Whether `xml` is well-formed and valid against the Hürlimann schema set. */
export function checkAgainstSchema(xml: string): SchemaCheck {
  let document: XmlDocument;
  try {
    document = XmlDocument.fromString(xml);
  } catch (error) {
    if (error instanceof XmlParseError) return { ok: false, problem: 'not-well-formed' };
    throw error;
  }
  try {
    schemaValidator().validate(document);
    return { ok: true };
  } catch (error) {
    if (!(error instanceof XmlValidateError)) throw error;
    const first = error.details[0];
    return { ok: false, problem: 'invalid', at: first?.xpath ?? '/', violation: violationOf(first) };
  } finally {
    document.dispose();
  }
}

/** Names the kind of violation from libxml2's message without passing the message on. */
function violationOf(detail: ErrorDetail | undefined): Violation {
  const message = detail?.message ?? '';
  if (message.includes('Missing child element')) {
    // The expected names come from the schema, never from the document.
    const expected = /Expected is (?:one of )?\( ([^)]*) \)/.exec(message)?.[1] ?? '';
    const names = [...expected.matchAll(/\}([A-Za-z0-9_.-]+)/g)].map((match) => match[1]);
    return names.length === 0 ? 'missing element' : `missing element ${names.join(' or ')}`;
  }
  if (message.includes('This element is not expected')) return 'unexpected element';
  if (message.includes('No matching global declaration')) return 'unknown root element';
  if (/not a valid value|facet|not accepted|not an element of the set/.test(message)) return 'invalid value';
  return 'invalid';
}

function schemaValidator(): XsdValidator {
  if (validator !== undefined) return validator;
  registerSchemaFiles();
  // The schema document lives as long as the process: the compiled schema may point into it.
  const entry = XmlDocument.fromString(readFileSync(ENTRY_SCHEMA, 'utf8'), { url: ENTRY_SCHEMA.href });
  compiling = true;
  try {
    validator = XsdValidator.fromDoc(entry);
  } finally {
    compiling = false;
  }
  return validator;
}

/** Lets libxml2 read the imported schemas from `./xsd`, and nothing else. */
function registerSchemaFiles(): void {
  if (registered) return;
  const localFile = (location: string): URL | undefined => {
    if (!compiling || !SERVED_LOCATIONS.some((prefix) => location.startsWith(prefix))) return undefined;
    const name = basename(location);
    if (!name.endsWith('.xsd')) return undefined;
    const file = new URL(name, XSD_FOLDER);
    return existsSync(file) ? file : undefined;
  };
  registered = xmlRegisterInputProvider({
    match: (location) => localFile(location) !== undefined,
    open: (location) => {
      const file = localFile(location);
      return file === undefined ? undefined : openBuffer(readFileSync(file));
    },
    read: readBuffer,
    close: (fd) => {
      closeBuffer(fd);
      return true;
    },
  });
  if (!registered) throw new Error('Hürlimann schema: libxml2 took no further input provider');
}
