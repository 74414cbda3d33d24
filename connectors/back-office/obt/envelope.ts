/**
 * SOAP 1.1 envelopes of the OBT service: writing requests (with the WS-Security header), answers
 * and faults, and reading any of them whatever prefixes the sender chose. Shared by the adapter
 * and the simulator, so both sides speak exactly the same dialect.
 */
import { checkAgainstSchema } from './schema.ts';
import {
  answerElementOf,
  OBT_NAMESPACE,
  SOAP_ENVELOPE_NAMESPACE,
  WSSE_NAMESPACE,
  WSSE_PASSWORD_TEXT,
  type ObtOperation,
  type SoapFaultClass,
} from './protocol.ts';
import {
  attributeNamed,
  childNamed,
  childrenNamed,
  qualify,
  readXml,
  resolveQName,
  writeXml,
  XmlReadError,
  type XmlChildren,
  type XmlNode,
} from './xml.ts';

export type UsernameToken = { readonly username: string; readonly password: string };

/** The message cannot be read as an OBT SOAP message; `message` names structure, never content. */
export class SoapReadError extends Error {
  override readonly name = 'SoapReadError';
}

const DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

/** Splits the platform's credential 'user:password' at the first colon; undefined without one. */
export function usernameTokenOf(credential: string): UsernameToken | undefined {
  const colon = credential.indexOf(':');
  if (colon <= 0) return undefined;
  return { username: credential.slice(0, colon), password: credential.slice(colon + 1) };
}

/** A request: WS-Security UsernameToken header and `<obt:{operation}>` in the body. */
export function requestEnvelope(operation: ObtOperation, payload: XmlChildren, token: UsernameToken): string {
  const security = {
    'wsse:Security': {
      '@xmlns:wsse': WSSE_NAMESPACE,
      '@soap:mustUnderstand': '1',
      'wsse:UsernameToken': {
        'wsse:Username': token.username,
        'wsse:Password': { '@Type': WSSE_PASSWORD_TEXT, '#text': token.password },
      },
    },
  };
  return envelope({ 'soap:Header': security, 'soap:Body': { [`obt:${operation}`]: qualify('obt', payload) } });
}

/** An answer: `<obt:{operation}Antwort>` in the body. */
export function answerEnvelope(operation: ObtOperation, payload: XmlChildren): string {
  return envelope({ 'soap:Body': { [`obt:${answerElementOf(operation)}`]: qualify('obt', payload) } });
}

export type FaultToWrite = {
  readonly faultClass: SoapFaultClass;
  readonly faultstring: string;
  readonly code: string;
  readonly message?: string;
};

/** A SOAP 1.1 fault with OBT's `detail/obt:Fehler`. */
export function faultEnvelope(fault: FaultToWrite): string {
  return envelope({
    'soap:Body': {
      'soap:Fault': {
        faultcode: `soap:${fault.faultClass}`,
        faultstring: fault.faultstring,
        detail: { 'obt:Fehler': qualify('obt', { Code: fault.code, Meldung: fault.message }) },
      },
    },
  });
}

function envelope(content: XmlChildren): string {
  const root = { '@xmlns:soap': SOAP_ENVELOPE_NAMESPACE, '@xmlns:obt': OBT_NAMESPACE, ...content };
  return `${DECLARATION}${writeXml('soap:Envelope', root)}`;
}

// ---------------------------------------------------------------------------------------------
// Reading

export type SoapFault = {
  /** From `faultcode`; undefined when it is not one of SOAP 1.1's classes. */
  readonly faultClass: SoapFaultClass | undefined;
  /** `detail/obt:Fehler/obt:Code`, when the fault carries one. */
  readonly code: string | undefined;
};

export type SoapMessage =
  | {
      readonly kind: 'payload';
      readonly header: XmlNode | undefined;
      /** The body's one element. */
      readonly payload: XmlNode;
      /** Element path of the first schema violation in the OBT payload, if any. */
      readonly violation: string | undefined;
    }
  | { readonly kind: 'fault'; readonly fault: SoapFault };

const FAULT_CLASSES: ReadonlySet<string> = new Set<SoapFaultClass>(['Client', 'Server', 'VersionMismatch', 'MustUnderstand']);

/** Reads a SOAP 1.1 message; throws SoapReadError when it is not one. */
export function readSoapMessage(text: string): SoapMessage {
  // SOAP 1.1 (section 3) forbids a DTD; refusing it also keeps entity expansion out.
  if (/<!DOCTYPE/i.test(text)) throw new SoapReadError('document type declarations are not allowed in SOAP');
  const schema = checkAgainstSchema(text);
  if (!schema.ok && schema.problem === 'not-well-formed') throw new SoapReadError('not well-formed XML');
  let root: XmlNode;
  try {
    root = readXml(text);
  } catch (error) {
    if (error instanceof XmlReadError) throw new SoapReadError(error.message);
    throw error;
  }
  if (root.namespace !== SOAP_ENVELOPE_NAMESPACE || root.localName !== 'Envelope') {
    throw new SoapReadError('not a SOAP 1.1 envelope');
  }
  const body = childNamed(root, SOAP_ENVELOPE_NAMESPACE, 'Body');
  const [content, ...more] = body?.children ?? [];
  if (content === undefined || more.length > 0) throw new SoapReadError('the SOAP body does not hold exactly one element');
  if (content.namespace === SOAP_ENVELOPE_NAMESPACE && content.localName === 'Fault') {
    return { kind: 'fault', fault: readFault(content) };
  }
  return {
    kind: 'payload',
    header: childNamed(root, SOAP_ENVELOPE_NAMESPACE, 'Header'),
    payload: content,
    violation: schema.ok ? undefined : schema.at,
  };
}

function readFault(fault: XmlNode): SoapFault {
  // SOAP 1.1 fault children are unqualified; some toolkits qualify them anyway.
  const part = (name: string) => childNamed(fault, '', name) ?? childNamed(fault, SOAP_ENVELOPE_NAMESPACE, name);
  const faultcode = part('faultcode');
  const qname = faultcode === undefined ? undefined : resolveQName(faultcode, faultcode.text);
  // Dotted sub-codes ('Client.Authentication') keep their class.
  const faultClass = qname?.namespace === SOAP_ENVELOPE_NAMESPACE ? qname.localName.split('.')[0] : undefined;
  const detail = part('detail');
  const fehler = detail === undefined ? undefined : childNamed(detail, OBT_NAMESPACE, 'Fehler');
  const code = fehler === undefined ? undefined : childNamed(fehler, OBT_NAMESPACE, 'Code')?.text.trim();
  return {
    faultClass: faultClass !== undefined && FAULT_CLASSES.has(faultClass) ? (faultClass as SoapFaultClass) : undefined,
    code: code === '' ? undefined : code,
  };
}

/** The UsernameToken of a request's WS-Security header: missing, not PasswordText, or present. */
export function readUsernameToken(header: XmlNode | undefined): UsernameToken | 'missing' | 'unsupported' {
  const security = header === undefined ? undefined : childNamed(header, WSSE_NAMESPACE, 'Security');
  const token = security === undefined ? undefined : childNamed(security, WSSE_NAMESPACE, 'UsernameToken');
  const username = token === undefined ? undefined : childNamed(token, WSSE_NAMESPACE, 'Username');
  const password = token === undefined ? undefined : childNamed(token, WSSE_NAMESPACE, 'Password');
  if (username === undefined || password === undefined) return 'missing';
  const type = attributeNamed(password, '', 'Type');
  if (type !== undefined && type !== WSSE_PASSWORD_TEXT) return 'unsupported';
  return { username: username.text.trim(), password: password.text };
}

// ---------------------------------------------------------------------------------------------
// Payload fields (OBT namespace); the schema has checked that required ones exist.

export function optionalField(node: XmlNode, localName: string): string | undefined {
  return childNamed(node, OBT_NAMESPACE, localName)?.text;
}

export function field(node: XmlNode, localName: string): string {
  return part(node, localName).text;
}

export function part(node: XmlNode, localName: string): XmlNode {
  const child = childNamed(node, OBT_NAMESPACE, localName);
  if (child === undefined) throw new SoapReadError(`element ${node.localName} has no ${localName}`);
  return child;
}

export function parts(node: XmlNode, localName: string): readonly XmlNode[] {
  return childrenNamed(node, OBT_NAMESPACE, localName);
}
