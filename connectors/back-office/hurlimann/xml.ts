/**
 * Hürlimann documents to and from plain objects with fast-xml-parser. Building: element order is
 * the objects' key order, arrays repeat an element, text is escaped. Reading: namespace prefixes
 * are dropped, which is safe only after the schema check has pinned every element's namespace;
 * `XmlReader` walks the result and names the path of anything missing, never a value.
 */
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { NAMESPACES } from './protocol.ts';

/** Content of an element to build: text, child elements by qualified name, or nothing (''). */
export type XmlContent = string | { readonly [qualifiedName: string]: XmlContent | readonly XmlContent[] | undefined };

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: true });

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  // Decodes numeric character references (&#233;) as well as the five XML entities.
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** A complete UTF-8 document with every namespace the messages use declared on its root. */
export function buildDocument(rootName: 'hp:message' | 'hp:error', content: Exclude<XmlContent, string>): string {
  const declarations = Object.fromEntries(Object.entries(NAMESPACES).map(([prefix, uri]) => [`@_xmlns:${prefix}`, uri]));
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    [rootName]: { ...declarations, ...content },
  }) as string;
}

/** Thrown by `XmlReader` when a document lacks what the reader expects. */
export class XmlShapeError extends Error {
  readonly path: string;
  constructor(path: string, what: string) {
    super(`${what} at '${path}'`);
    this.path = path;
  }
}

type Parsed = string | { readonly [name: string]: Parsed } | readonly Parsed[];

/** Parses a well-formed document; the root element's local name and a reader of its content. */
export function parseDocument(xml: string): { readonly root: string; readonly reader: XmlReader } {
  const parsed = parser.parse(xml) as Record<string, Parsed>;
  const [root, content] = Object.entries(parsed).find(([name]) => !name.startsWith('?')) ?? [];
  if (root === undefined || content === undefined) throw new XmlShapeError('/', 'no root element');
  return { root, reader: new XmlReader(content, `/${root}`) };
}

/** Reads parsed elements by local name; every miss throws `XmlShapeError` with its path. */
export class XmlReader {
  readonly path: string;
  readonly #node: Parsed;

  constructor(node: Parsed, path: string) {
    this.#node = node;
    this.path = path;
  }

  has(name: string): boolean {
    return this.#children()[name] !== undefined;
  }

  /** The one child element `name`; an empty element reads as one without children. */
  child(name: string): XmlReader {
    const value = this.#children()[name];
    if (value === undefined || Array.isArray(value)) throw new XmlShapeError(`${this.path}/${name}`, 'expected one element');
    return new XmlReader(value, `${this.path}/${name}`);
  }

  optionalChild(name: string): XmlReader | undefined {
    return this.has(name) ? this.child(name) : undefined;
  }

  /** Every child element `name`, in document order; none is an empty list. */
  children(name: string): XmlReader[] {
    const value = this.#children()[name];
    if (value === undefined) return [];
    const list: readonly Parsed[] = Array.isArray(value) ? value : [value];
    return list.map((item, index) => new XmlReader(item, `${this.path}/${name}[${index + 1}]`));
  }

  /** The text of the child element `name`. */
  text(name: string): string {
    const value = this.#children()[name];
    if (typeof value !== 'string') throw new XmlShapeError(`${this.path}/${name}`, 'expected a text element');
    return value;
  }

  /** The texts of every child element `name`, in document order. */
  texts(name: string): string[] {
    return this.children(name).map((child) => {
      if (typeof child.#node !== 'string') throw new XmlShapeError(child.path, 'expected a text element');
      return child.#node;
    });
  }

  optionalText(name: string): string | undefined {
    return this.has(name) ? this.text(name) : undefined;
  }

  /** The first of `names` present as a child, e.g. the branch of an xs:choice. */
  firstOf<N extends string>(names: readonly N[]): N {
    const found = names.find((name) => this.has(name));
    if (found === undefined) throw new XmlShapeError(this.path, `expected one of ${names.join(', ')}`);
    return found;
  }

  /** The local names of all child elements, in document order. */
  names(): string[] {
    return Object.keys(this.#children());
  }

  #children(): { readonly [name: string]: Parsed } {
    if (this.#node === '') return {};
    if (typeof this.#node === 'string' || Array.isArray(this.#node)) {
      throw new XmlShapeError(this.path, 'expected child elements');
    }
    return this.#node as { readonly [name: string]: Parsed };
  }
}
