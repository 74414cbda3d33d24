/**
 * Namespace-aware XML over fast-xml-parser. fast-xml-parser reports qualified names as written
 * ('SOAP-ENV:Body'); this module resolves their prefixes, so that readers match an element by
 * namespace and local name and never by whatever prefix the sender chose.
 */
import { XMLBuilder, XMLParser } from 'fast-xml-parser';

/** An element with its namespace resolved. */
export type XmlNode = {
  /** '' for no namespace. */
  readonly namespace: string;
  readonly localName: string;
  readonly attributes: readonly XmlAttribute[];
  readonly children: readonly XmlNode[];
  /** The element's own character data, CDATA included and entities resolved. */
  readonly text: string;
  /** Prefix → namespace in scope at this element ('' is the default namespace). */
  readonly namespaces: ReadonlyMap<string, string>;
};

export type XmlAttribute = { readonly namespace: string; readonly localName: string; readonly value: string };

/** The document is not XML this module can read; `message` names no content. */
export class XmlReadError extends Error {
  override readonly name = 'XmlReadError';
}

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

type OrderedEntry = Record<string, unknown> & { ':@'?: Record<string, string> };

/** Parses a document (checked for well-formedness before, see `./schema.ts`) into its root element. */
export function readXml(text: string): XmlNode {
  const entries = parser.parse(text) as OrderedEntry[];
  const roots = entries.filter((entry) => elementName(entry) !== undefined);
  const [root] = roots;
  if (root === undefined || roots.length > 1) throw new XmlReadError('not exactly one root element');
  return toNode(root, new Map([['xml', XML_NAMESPACE]]));
}

function elementName(entry: OrderedEntry): string | undefined {
  return Object.keys(entry).find((key) => key !== ':@' && !key.startsWith('#'));
}

function toNode(entry: OrderedEntry, inherited: ReadonlyMap<string, string>): XmlNode {
  const qualifiedName = elementName(entry) as string;
  const raw = entry[':@'] ?? {};
  const namespaces = new Map(inherited);
  for (const [name, value] of Object.entries(raw)) {
    if (name === 'xmlns') namespaces.set('', value);
    else if (name.startsWith('xmlns:')) namespaces.set(name.slice('xmlns:'.length), value);
  }
  const { prefix, localName } = splitName(qualifiedName);
  const attributes = Object.entries(raw)
    .filter(([name]) => name !== 'xmlns' && !name.startsWith('xmlns:'))
    .map(([name, value]) => {
      const split = splitName(name);
      // Unprefixed attributes are in no namespace, whatever the default namespace is.
      return { namespace: split.prefix === '' ? '' : resolve(namespaces, split.prefix), localName: split.localName, value };
    });
  const children: XmlNode[] = [];
  let text = '';
  for (const child of (entry[qualifiedName] ?? []) as OrderedEntry[]) {
    if (typeof child['#text'] === 'string') text += child['#text'];
    else if (elementName(child) !== undefined) children.push(toNode(child, namespaces));
  }
  return { namespace: resolve(namespaces, prefix), localName, attributes, children, text, namespaces };
}

function splitName(name: string): { prefix: string; localName: string } {
  const colon = name.indexOf(':');
  return colon < 0 ? { prefix: '', localName: name } : { prefix: name.slice(0, colon), localName: name.slice(colon + 1) };
}

function resolve(namespaces: ReadonlyMap<string, string>, prefix: string): string {
  const namespace = namespaces.get(prefix);
  if (namespace !== undefined) return namespace;
  if (prefix === '') return '';
  throw new XmlReadError('undeclared namespace prefix');
}

/** Resolves a QName-valued text such as a SOAP faultcode in the element's scope. */
export function resolveQName(node: XmlNode, qname: string): { namespace: string; localName: string } | undefined {
  const { prefix, localName } = splitName(qname.trim());
  const namespace = node.namespaces.get(prefix);
  if (namespace === undefined) return prefix === '' ? { namespace: '', localName } : undefined;
  return { namespace, localName };
}

/** The element children with this namespace and local name. */
export function childrenNamed(node: XmlNode, namespace: string, localName: string): readonly XmlNode[] {
  return node.children.filter((child) => child.namespace === namespace && child.localName === localName);
}

/** The first element child with this namespace and local name. */
export function childNamed(node: XmlNode, namespace: string, localName: string): XmlNode | undefined {
  return node.children.find((child) => child.namespace === namespace && child.localName === localName);
}

export function attributeNamed(node: XmlNode, namespace: string, localName: string): string | undefined {
  return node.attributes.find((a) => a.namespace === namespace && a.localName === localName)?.value;
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * Content of an element to write: text, child elements by local name in document order (an
 * array repeats the element), or undefined to leave an optional element out. Keys starting with
 * '@' are attributes, written as given; '#text' is the text beside attributes.
 */
export type XmlContent = string | XmlChildren | readonly XmlContent[] | undefined;
export type XmlChildren = { readonly [name: string]: XmlContent };

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  suppressEmptyNode: true,
  // fast-xml-parser would write an attribute whose value is "true" bare (xsi:nil), which is not XML.
  suppressBooleanAttributes: false,
  processEntities: true,
});

/** Characters XML 1.0 cannot carry at all, not even as references. */
const NOT_XML_CHARACTERS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Writes one element; the builder escapes '&', '<', '>' and quotes. */
export function writeXml(qualifiedName: string, content: XmlContent): string {
  return builder.build({ [qualifiedName]: toBuilderValue(content) }) as string;
}

/** Prefixes every child element name (not attributes or '#text') with `prefix:`, recursively. */
export function qualify(prefix: string, content: XmlContent): XmlContent {
  if (content === undefined || typeof content === 'string') return content;
  if (isList(content)) return content.map((item) => qualify(prefix, item));
  return Object.fromEntries(
    Object.entries(content).map(([name, value]) => (name.startsWith('@') || name === '#text' ? [name, value] : [`${prefix}:${name}`, qualify(prefix, value)])),
  );
}

function toBuilderValue(content: XmlContent): unknown {
  if (content === undefined) return undefined;
  if (typeof content === 'string') return content.replace(NOT_XML_CHARACTERS, '');
  if (isList(content)) return content.filter((item) => item !== undefined).map(toBuilderValue);
  return Object.fromEntries(
    Object.entries(content)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => [name, toBuilderValue(value)]),
  );
}

function isList(content: XmlChildren | readonly XmlContent[]): content is readonly XmlContent[] {
  return Array.isArray(content);
}
