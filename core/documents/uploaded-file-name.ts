import { isTypeExtension, type FileType } from '../forms/upload-types.ts';

const MAX_LENGTH = 120;
// Path separators, control characters and what Windows refuses in a name: a downloaded file is saved under it.
// eslint-disable-next-line no-control-regex -- control characters are what is removed
const UNSAFE = /[\u0000-\u001f\u007f-\u009f/\\:*?"<>|]/g;

/**
 * The name an uploaded file is kept and downloaded under: the client's own name without a path,
 * control or unsafe characters, at most 120 characters, with the extension of what the content is
 * (a PNG sent as «scan.pdf» is kept as «scan.png»); «Datei» where nothing of the name is left.
 */
export function uploadedFileName(given: string, type: FileType): string {
  const name = given.toWellFormed().normalize('NFC').split(/[/\\]/).at(-1)!.replace(UNSAFE, '').replace(/\s+/g, ' ').trim();
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  // A known type's extension is replaced; anything else after a dot is part of the name.
  const stem = isTypeExtension(extension) ? name.slice(0, dot) : name;
  const base = stem.replace(/^[.\s]+|[.\s]+$/g, '').slice(0, MAX_LENGTH - type.ext.length - 1).trim() || 'Datei';
  return `${base}.${type.ext}`;
}
