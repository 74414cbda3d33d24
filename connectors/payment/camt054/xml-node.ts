/**
 * Reads a camt.054 document into a tree whose nodes know their element path, so that every
 * refusal can say where it happened without quoting what was there.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Camt054Error } from './camt054-error.ts';

/** Any version of the ISO 20022 notification: Swiss banks deliver .04 and .08. */
const CAMT054_NAMESPACE = /^urn:iso:std:iso:20022:tech:xsd:camt\.054\.001\.\d{2}$/;

/** An element's parsed content (text, or a record of children, attributes and '#text') and its path. */
export type XmlNode = { readonly value: unknown; readonly path: string };

type Tree = { readonly [name: string]: unknown };

/** The BkToCstmrDbtCdtNtfctn element of a camt.054 document; throws Camt054Error for anything else. */
export function readNotificationRoot(xml: string): XmlNode {
  // Bank files never declare a DTD; refusing it rules out entity expansion.
  if (/<!DOCTYPE/i.test(xml)) {
    throw new Camt054Error('malformed-xml', 'Document', 'document type declarations are not accepted');
  }
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    throw new Camt054Error('malformed-xml', 'Document', `not well-formed XML (line ${validation.err.line})`);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    ignoreDeclaration: true,
    ignorePiTags: true,
    // Text stays text: QR references have leading zeros and amounts must be read exactly.
    parseTagValue: false,
    parseAttributeValue: false,
  });
  const roots = Object.entries(parser.parse(xml) as Tree);
  const [root] = roots;
  if (root === undefined || roots.length !== 1) {
    throw new Camt054Error('not-camt054', 'Document', 'expected exactly one root element');
  }
  const [rootName, rootValue] = root;
  const { prefix, local } = splitName(rootName);
  const namespace = isTree(rootValue) ? rootValue[prefix === '' ? '@_xmlns' : `@_xmlns:${prefix}`] : undefined;
  if (local !== 'Document' || typeof namespace !== 'string' || !CAMT054_NAMESPACE.test(namespace)) {
    throw new Camt054Error('not-camt054', 'Document', 'root is not a camt.054 Document');
  }
  return requireChild({ value: withoutPrefixes(rootValue), path: 'Document' }, 'BkToCstmrDbtCdtNtfctn', 'not-camt054');
}

/** The only child of that name; undefined when absent or empty. */
export function child(node: XmlNode, name: string): XmlNode | undefined {
  const path = `${node.path}/${name}`;
  const value = isTree(node.value) ? node.value[name] : undefined;
  if (value === undefined || value === '') return undefined;
  if (Array.isArray(value)) throw new Camt054Error('repeated-element', path, 'element expected at most once');
  return { value, path };
}

export function requireChild(
  node: XmlNode,
  name: string,
  problem: 'missing-element' | 'not-camt054' = 'missing-element',
): XmlNode {
  const found = child(node, name);
  if (found === undefined) throw new Camt054Error(problem, `${node.path}/${name}`, 'required element is missing');
  return found;
}

/** All children of that name, in document order, each with its 1-based index in the path. */
export function children(node: XmlNode, name: string): XmlNode[] {
  const value = isTree(node.value) ? node.value[name] : undefined;
  if (value === undefined) return [];
  const values: unknown[] = Array.isArray(value) ? value : [value];
  return values.map((each, index) => ({ value: each, path: `${node.path}/${name}[${index + 1}]` }));
}

/** The text of the named child; undefined when absent or empty. */
export function optionalText(node: XmlNode, name: string): string | undefined {
  const found = child(node, name);
  return found === undefined ? undefined : textOf(found);
}

export function requireText(node: XmlNode, name: string): string {
  const text = optionalText(node, name);
  if (text === undefined) throw new Camt054Error('missing-element', `${node.path}/${name}`, 'required element is empty or missing');
  return text;
}

export function attribute(node: XmlNode, name: string): string | undefined {
  const value = isTree(node.value) ? node.value[`@_${name}`] : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The node's own text; throws when it is empty. */
export function requireOwnText(node: XmlNode): string {
  const text = textOf(node);
  if (text === undefined) throw new Camt054Error('missing-element', node.path, 'required element is empty');
  return text;
}

function textOf(node: XmlNode): string | undefined {
  const value = isTree(node.value) ? node.value['#text'] : node.value;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function splitName(name: string): { prefix: string; local: string } {
  const colon = name.indexOf(':');
  return colon < 0 ? { prefix: '', local: name } : { prefix: name.slice(0, colon), local: name.slice(colon + 1) };
}

/** Drops namespace prefixes and declarations, so that navigation reads local names only. */
function withoutPrefixes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPrefixes);
  if (!isTree(value)) return value;
  const result: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === '@_xmlns' || key.startsWith('@_xmlns:')) continue;
    const name = key.startsWith('@_') ? `@_${splitName(key.slice(2)).local}` : key === '#text' ? key : splitName(key).local;
    const stripped = withoutPrefixes(inner);
    const existing = result[name];
    // Two prefixes with one local name are two elements: keep both, so a single read sees the repetition.
    result[name] = existing === undefined ? stripped : ([] as unknown[]).concat(existing, stripped);
  }
  return result;
}

/** The element reached through a chain of single children; undefined when any link is absent. */
export function descendant(node: XmlNode, ...names: readonly string[]): XmlNode | undefined {
  let current: XmlNode | undefined = node;
  for (const name of names) current = current === undefined ? undefined : child(current, name);
  return current;
}
