/**
 * Which files a filepicker takes, judged by what a file is, never by its name or the type the
 * client claims: `file-type` reads the content's magic numbers, and the field's `accept` (as the
 * browser's attribute takes it: `.pdf`, `image/jpeg`, `image/*`) says which of those it takes.
 */
import { fileTypeFromBuffer, supportedExtensions, supportedMimeTypes } from 'file-type';
import type { FormComponent } from './form-data-check.ts';

/** What a file's content is. */
export interface FileType {
  /** The usual extension, without the dot (`jpg`, `pdf`, `heic`). */
  ext: string;
  mime: string;
}

/** What a filepicker takes where its form says nothing: scans and photos (PDF, JPEG, PNG, HEIC). */
export const DEFAULT_ACCEPT = '.pdf,.jpg,.png,.heic';

// Extensions people write for the one that file-type names.
const EXTENSION_ALIASES: Readonly<Record<string, string>> = { jpeg: 'jpg', jpe: 'jpg', jfif: 'jpg', tiff: 'tif', heif: 'heic' };

const extensionOf = (token: string) => {
  const ext = token.slice(1).toLowerCase();
  return EXTENSION_ALIASES[ext] ?? ext;
};

/** Whether `ext` (without the dot) is the extension of a type whose content is recognised, as people write it (`jpeg` too). */
export const isTypeExtension = (ext: string): boolean => supportedExtensions.has(EXTENSION_ALIASES[ext.toLowerCase()] ?? ext.toLowerCase());

/** What a file's content is; undefined when it is nothing `file-type` knows (plain text, an empty file). */
export async function detectFileType(content: Uint8Array): Promise<FileType | undefined> {
  const found = await fileTypeFromBuffer(content);
  return found ? { ext: found.ext, mime: found.mime } : undefined;
}

/** The tokens of a field's `accept`, or of the default where it has none. */
export function acceptedTokens(accept: string | undefined): string[] {
  const tokens = (accept ?? '').split(',').map((token) => token.trim().toLowerCase()).filter(Boolean);
  return tokens.length > 0 ? tokens : DEFAULT_ACCEPT.split(',');
}

/** Whether a file of this type is one the field's `accept` names. */
export function isAccepted(accept: string | undefined, type: FileType): boolean {
  return acceptedTokens(accept).some((token) => {
    if (token.startsWith('.')) return extensionOf(token) === type.ext;
    if (token.endsWith('/*')) return type.mime.startsWith(token.slice(0, -1));
    return token === type.mime;
  });
}

/**
 * What the intake cannot take of a filepicker (for the package check): an `accept` or `multiple`
 * that form-js evaluates as an expression, and an `accept` naming types whose content cannot be
 * recognised, which every upload would then be refused for.
 */
export function filepickerProblems(component: FormComponent): string[] {
  const problems: string[] = [];
  const { accept, multiple } = component;
  if (multiple !== undefined && typeof multiple !== 'boolean') problems.push('its multiple is an expression, which the intake cannot evaluate; use true or false');
  if (accept === undefined) return problems;
  if (typeof accept !== 'string' || accept.trim().startsWith('=') || accept.includes('{{')) {
    return [...problems, 'its accept is not a list of file types (.pdf, image/jpeg, image/*)'];
  }
  for (const token of acceptedTokens(accept)) {
    const known = token.startsWith('.') ? isTypeExtension(token.slice(1))
      : token.endsWith('/*') ? [...supportedMimeTypes].some((mime) => mime.startsWith(token.slice(0, -1)))
        : supportedMimeTypes.has(token);
    if (!known) problems.push(`its accept names ${token}, whose content the intake cannot recognise`);
  }
  return problems;
}
