import { describe, expect, it } from 'vitest';
import { uploadedFileName } from '../../../../core/documents/uploaded-file-name.ts';

describe('the name an uploaded file is kept under', () => {
  const pdf = { ext: 'pdf', mime: 'application/pdf' };
  it.each([
    ['Quittung März.pdf', pdf, 'Quittung März.pdf'],
    ['C:\\Users\\anna\\Scan.PDF', pdf, 'Scan.pdf'],
    ['../../etc/passwd', pdf, 'passwd.pdf'],
    ['scan.pdf', { ext: 'png', mime: 'image/png' }, 'scan.png'],
    ['Foto.jpeg', { ext: 'jpg', mime: 'image/jpeg' }, 'Foto.jpg'],
    ['Bericht v2.final', pdf, 'Bericht v2.final.pdf'],
    ['a"b<c>\u0000d\r\n.pdf', pdf, 'abcd.pdf'],
    ['...', pdf, 'Datei.pdf'],
    ['', pdf, 'Datei.pdf'],
    [`${'x'.repeat(300)}.pdf`, pdf, `${'x'.repeat(116)}.pdf`],
  ])('when the client names it %j, then it is kept as %j', (given, type, kept) => {
    expect(uploadedFileName(given, type)).toBe(kept);
  });
});
