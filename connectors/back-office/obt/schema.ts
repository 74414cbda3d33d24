/**
 * Checks OBT messages against the XML Schema inside `gemeinde-v3.wsdl` with libxml2: the same
 * schema that documents the service validates the adapter's answers and the simulator's requests.
 * Only element paths leave this module, never values or libxml2's messages, which quote values.
 */
import { readFileSync } from 'node:fs';
import { XmlDocument, XmlParseError, XmlValidateError, XsdValidator, type XmlElement } from 'libxml2-wasm';
import { OBT_NAMESPACE, SOAP_ENVELOPE_NAMESPACE } from './protocol.ts';

export const WSDL_FILE = new URL('./gemeinde-v3.wsdl', import.meta.url);

/** The WSDL as shipped, for the simulator to serve. */
export function readWsdl(): string {
  return readFileSync(WSDL_FILE, 'utf8');
}

export type SchemaCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly problem: 'not-well-formed' }
  /** `at` is the element path of the first violation, e.g. '/soap:Envelope/soap:Body/obt:X/obt:Y'. */
  | { readonly ok: false; readonly problem: 'invalid'; readonly at: string };

const NAMESPACES = { soap: SOAP_ENVELOPE_NAMESPACE, obt: OBT_NAMESPACE };

/** The OBT payloads of a SOAP message: the body's OBT elements and a fault's obt:Fehler. */
const PAYLOADS = '/soap:Envelope/soap:Body/obt:* | /soap:Envelope/soap:Body/soap:Fault/detail/obt:*';

let validator: XsdValidator | undefined;

/**
 * Whether `xml` is well-formed and its OBT payloads match the schema. Elements of other
 * namespaces are left to the reader, which expects one specific payload anyway.
 */
export function checkAgainstSchema(xml: string): SchemaCheck {
  let document: XmlDocument;
  try {
    document = XmlDocument.fromString(xml);
  } catch (error) {
    if (error instanceof XmlParseError) return { ok: false, problem: 'not-well-formed' };
    throw error;
  }
  try {
    const schema = schemaValidator();
    for (const payload of document.find(PAYLOADS, NAMESPACES)) {
      try {
        schema.validate(payload as XmlElement);
      } catch (error) {
        if (!(error instanceof XmlValidateError)) throw error;
        return { ok: false, problem: 'invalid', at: error.details[0]?.xpath ?? '/' };
      }
    }
    return { ok: true };
  } finally {
    document.dispose();
  }
}

function schemaValidator(): XsdValidator {
  if (validator !== undefined) return validator;
  const wsdl = XmlDocument.fromString(readWsdl());
  try {
    const schemaElement = wsdl.get('/wsdl:definitions/wsdl:types/xs:schema', {
      wsdl: 'http://schemas.xmlsoap.org/wsdl/',
      xs: 'http://www.w3.org/2001/XMLSchema',
    });
    if (schemaElement === null) throw new Error('gemeinde-v3.wsdl has no xs:schema in wsdl:types');
    // The schema element declares all its namespaces itself, so it stands alone as a document.
    // That document lives as long as the process: libxml2's compiled schema may point into it.
    validator = XsdValidator.fromDoc(XmlDocument.fromString(schemaElement.toString()));
    return validator;
  } finally {
    wsdl.dispose();
  }
}
