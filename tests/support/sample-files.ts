// Small files of real types, as a citizen uploads them: their content starts as the type's own does,
// which is all a check by content reads. Each call gives other bytes (`mark`), so that tests can tell files apart.

/** A one-page PDF. */
export const samplePdf = (mark = 'Beleg'): Buffer => Buffer.from(
  `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${mark}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
);

/** A JPEG photo's start (JFIF header) and end. */
export const sampleJpeg = (mark = 'Foto'): Buffer => Buffer.concat([
  Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), Buffer.from(mark), Buffer.from('ffd9', 'hex'),
]);

/** A 1×1 PNG. */
export const samplePng = (): Buffer => Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4f20000000049454e44ae426082', 'hex',
);

/** A Windows program (MZ header). */
export const sampleExe = (): Buffer => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(256)]);
