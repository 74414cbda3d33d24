/**
 * The Content-Disposition of a download under the file's own name (RFC 6266): `filename*` carries
 * it in UTF-8 (a citizen's «Quittung März.pdf», «Čapek.pdf»), `filename` an ASCII stand-in for
 * clients that read only that. A name with characters a header cannot carry raw would otherwise
 * make the download fail.
 */
export function contentDisposition(disposition: 'attachment' | 'inline', fileName: string): string {
  const name = fileName.toWellFormed();
  const ascii = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
