import { describe, expect, it } from 'vitest';
import { contentDisposition } from '../../../portal-api/plugins/content-disposition.ts';

describe('the download header of a document', () => {
  it.each([
    ['Wohnsitzbestaetigung.pdf', 'attachment; filename="Wohnsitzbestaetigung.pdf"; filename*=UTF-8\'\'Wohnsitzbestaetigung.pdf'],
    ['Quittung März.pdf', 'attachment; filename="Quittung Marz.pdf"; filename*=UTF-8\'\'Quittung%20M%C3%A4rz.pdf'],
    ['Čapek (Kopie).pdf', 'attachment; filename="Capek (Kopie).pdf"; filename*=UTF-8\'\'%C4%8Capek%20%28Kopie%29.pdf'],
    ['写真.jpg', 'attachment; filename="__.jpg"; filename*=UTF-8\'\'%E5%86%99%E7%9C%9F.jpg'],
    ['a"b\\c.pdf', 'attachment; filename="a_b_c.pdf"; filename*=UTF-8\'\'a%22b%5Cc.pdf'],
  ])('when the file is called %j, then the header names it in UTF-8 and in ASCII', (fileName, header) => {
    expect(contentDisposition('attachment', fileName)).toBe(header);
  });
});
