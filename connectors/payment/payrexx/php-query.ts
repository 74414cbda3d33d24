/**
 * Payrexx runs on PHP: it reads form bodies as PHP reads `$_POST` and signs parameters with PHP's
 * `http_build_query`. Both are reproduced here exactly, because the API signature is an HMAC over
 * these bytes and one differently escaped character makes Payrexx refuse the call.
 *
 * A PHP array keeps the insertion order of all keys, integer-like ones included; JavaScript
 * objects do not (they put '0', '1', … first). `PhpArray` is therefore a list of entries.
 */

/** PHP's ordered array: what `http_build_query` walks and what `$_POST` parses into. */
export type PhpArray = ReadonlyArray<readonly [string, PhpValue]>;
export type PhpValue = string | PhpArray;

/** Parameters as the client writes them: nested objects and lists, like the PHP SDK's models. */
export type PhpInput = string | number | boolean | null | undefined | readonly PhpInput[] | { readonly [key: string]: PhpInput };

/**
 * RFC1738 is PHP's `urlencode` (space as '+'), the encoding the signature is computed over;
 * RFC3986 is `rawurlencode` (space as '%20'), the encoding the PHP SDK sends bodies in.
 */
export type PhpEncoding = 'RFC1738' | 'RFC3986';

/** Converts parameters to a PHP array the way PHP would hold them: null and undefined dropped,
 * booleans as '1'/'0', lists indexed from 0. */
export function toPhpArray(input: { readonly [key: string]: PhpInput }): PhpArray {
  const entries: Array<readonly [string, PhpValue]> = [];
  for (const [key, value] of Object.entries(input)) {
    const converted = toPhpValue(value);
    if (converted !== undefined) entries.push([key, converted]);
  }
  return entries;
}

function toPhpValue(value: PhpInput): PhpValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError('PHP parameters take finite numbers only');
    return String(value);
  }
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const list = value as readonly PhpInput[];
    const entries: Array<readonly [string, PhpValue]> = [];
    list.forEach((item, index) => {
      const converted = toPhpValue(item);
      if (converted !== undefined) entries.push([String(index), converted]);
    });
    return entries;
  }
  return toPhpArray(value as { readonly [key: string]: PhpInput });
}

/** PHP's `http_build_query($params, '', '&', $encoding)`: nested keys as `a[b][0]`, brackets escaped. */
export function httpBuildQuery(array: PhpArray, encoding: PhpEncoding = 'RFC1738'): string {
  const pairs: string[] = [];
  const walk = (entries: PhpArray, prefix: string | undefined) => {
    for (const [key, value] of entries) {
      const name = prefix === undefined ? key : `${prefix}[${key}]`;
      if (typeof value === 'string') pairs.push(`${phpEncode(name, encoding)}=${phpEncode(value, encoding)}`);
      else walk(value, name);
    }
  };
  walk(array, undefined);
  return pairs.join('&');
}

/**
 * PHP's `urlencode` (RFC1738) or `rawurlencode` (RFC3986) of the UTF-8 bytes. Unlike
 * `encodeURIComponent`, both escape ! ' ( ) *, and `urlencode` escapes ~ too.
 */
export function phpEncode(text: string, encoding: PhpEncoding = 'RFC1738'): string {
  const encoded = encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return encoding === 'RFC1738' ? encoded.replaceAll('~', '%7E').replaceAll('%20', '+') : encoded;
}

/**
 * What PHP makes of a query string or form body (`parse_str`, `$_POST`): '+' is a space, `a[b]`
 * nests, `a[]` appends with the next integer key, a repeated name keeps its first position and
 * takes the last value.
 */
export function parsePhpQuery(raw: string): PhpArray {
  const root: MutableArray = [];
  for (const pair of raw.split('&')) {
    if (pair === '') continue;
    const separator = pair.indexOf('=');
    const name = decodeFormComponent(separator < 0 ? pair : pair.slice(0, separator));
    const value = separator < 0 ? '' : decodeFormComponent(pair.slice(separator + 1));
    const path = keyPath(name);
    if (path !== undefined) assign(root, path, value);
  }
  return root;
}

type MutableArray = Array<[string, string | MutableArray]>;

function decodeFormComponent(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    // PHP leaves a malformed escape as it is; so do we.
    return text.replaceAll('+', ' ');
  }
}

/** 'fields[email][value]' → ['fields', 'email', 'value']; 'pm[]' → ['pm', undefined]. */
function keyPath(name: string): Array<string | undefined> | undefined {
  const open = name.indexOf('[');
  const head = open < 0 ? name : name.slice(0, open);
  if (head === '') return undefined;
  const path: Array<string | undefined> = [head];
  if (open < 0) return path;
  const brackets = /\[([^\]]*)\]/gy;
  brackets.lastIndex = open;
  let match: RegExpExecArray | null;
  while ((match = brackets.exec(name)) !== null) path.push(match[1] === '' ? undefined : match[1]);
  return path;
}

function assign(target: MutableArray, path: Array<string | undefined>, value: string): void {
  const [first, ...rest] = path;
  const key = first ?? String(nextIndex(target));
  const existing = target.find(([k]) => k === key);
  if (rest.length === 0) {
    if (existing === undefined) target.push([key, value]);
    else existing[1] = value;
    return;
  }
  let child: MutableArray;
  if (existing !== undefined && typeof existing[1] !== 'string') child = existing[1];
  else {
    child = [];
    if (existing === undefined) target.push([key, child]);
    else existing[1] = child;
  }
  assign(child, rest, value);
}

function nextIndex(array: MutableArray): number {
  let next = 0;
  for (const [key] of array) if (/^(0|[1-9]\d*)$/.test(key)) next = Math.max(next, Number(key) + 1);
  return next;
}

/** The value under `key`, or undefined. */
export function phpGet(array: PhpArray, key: string): PhpValue | undefined {
  return array.find(([k]) => k === key)?.[1];
}

/** The array without the top-level `keys`. */
export function phpWithout(array: PhpArray, ...keys: string[]): PhpArray {
  return array.filter(([k]) => !keys.includes(k));
}
