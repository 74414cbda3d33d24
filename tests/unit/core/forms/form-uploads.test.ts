import { describe, expect, it } from 'vitest';
import { checkFormData } from '../../../../core/forms/form-data-check.ts';
import { checkUploads, type TypedFile } from '../../../../core/forms/form-uploads.ts';

/** A form with a required filepicker for several PDFs or JPEGs in a group, and an optional one for one photo of any default type. */
const form = {
  id: 'uploads', type: 'default',
  components: [
    { type: 'group', path: 'evidence', components: [
      { type: 'filepicker', key: 'receipts', accept: '.pdf, image/jpeg', multiple: true, validate: { required: true } },
    ] },
    { type: 'filepicker', key: 'photo' },
    { type: 'checkbox', key: 'withPhoto' },
    { type: 'filepicker', key: 'hiddenScan', conditional: { hide: '=withPhoto != true' } },
  ],
};
const limits = { maxBytes: 1000, maxFiles: 3 };
const options = { pointer: '/body/data', partsPointer: '/body' };
const pdf = { ext: 'pdf', mime: 'application/pdf' };
const jpg = { ext: 'jpg', mime: 'image/jpeg' };
const png = { ext: 'png', mime: 'image/png' };
const file = (reference: string, type: TypedFile['type'], fileName = 'beleg.pdf', content: Buffer | null = Buffer.from('x')): TypedFile => ({ reference, fileName, content, type });
const data = { evidence: { receipts: 'files::r' } };
const check = (files: TypedFile[], given: Record<string, unknown> = data) => checkUploads(form, given, files, limits, options);

describe('checking the files submitted with a form', () => {
  it('when each field gets files of a type it takes, then nothing is refused and each field has its files', () => {
    const files = [file('files::r', pdf), file('files::r', jpg, 'foto.jpg'), file('files::p', png, 'bild.png')];
    const result = check(files, { ...data, photo: 'files::p' });
    expect(result.problems).toEqual([]);
    expect(result.tooLarge).toEqual([]);
    expect(result.fields.map((field) => [field.path, field.files.length])).toEqual([[['evidence', 'receipts'], 2], [['photo'], 1]]);
  });

  it.each([
    ['a file is of a type the field does not name', [file('files::r', png, 'scan.pdf')], data, '/body/data/evidence/receipts', 'holds a file of type image/png «scan.pdf»; it takes .pdf, image/jpeg'],
    ['a file\'s type is not recognised', [file('files::r', undefined, 'notiz.txt')], data, '/body/data/evidence/receipts', 'holds a file whose type is not recognised «notiz.txt»; it takes .pdf, image/jpeg'],
    ['a file is empty', [file('files::r', undefined, 'leer.pdf', Buffer.alloc(0))], data, '/body/data/evidence/receipts', 'holds an empty file «leer.pdf»'],
    ['a field without accept gets a type other than PDF, JPEG, PNG or HEIC', [file('files::r', pdf), file('files::p', { ext: 'exe', mime: 'application/x-msdownload' }, 'bild.exe')], { ...data, photo: 'files::p' }, '/body/data/photo', 'holds a file of type application/x-msdownload «bild.exe»; it takes .pdf, .jpg, .png, .heic'],
    ['a field for one file gets two', [file('files::r', pdf), file('files::p', png), file('files::p', png)], { ...data, photo: 'files::p' }, '/body/data/photo', 'takes one file, not 2'],
    ['the data names files that did not come', [], data, '/body/data/evidence/receipts', 'names files that were not uploaded'],
    ['files come under a key no field holds', [file('files::r', pdf), file('files::x', pdf), file('files::x', jpg)], data, '/body/files::x', 'is a file no field of the form asks for'],
    ['a file comes for a hidden field left empty', [file('files::r', pdf), file('files::h', pdf)], data, '/body/files::h', 'is a file no field of the form asks for'],
    ['two fields name the same files', [file('files::r', pdf)], { ...data, photo: 'files::r' }, '/body/data/photo', 'names the files of another field'],
    ['the application has more files than it may', [file('files::r', pdf), file('files::r', pdf), file('files::r', pdf), file('files::r', jpg, 'vierte.jpg')], data, '/body/data/evidence/receipts', 'is one file too many: an application takes at most 3 files'],
  ])('when %s, then the refusal names the field', (_case, files, given, pointer, detail) => {
    expect(check(files, given).problems).toEqual([{ pointer, detail }]);
  });

  it('when a file is over the size limit, then it is refused apart, naming its field and the limit', () => {
    const result = check([file('files::r', undefined, 'gross.pdf', null)]);
    expect(result.tooLarge).toEqual([{ pointer: '/body/data/evidence/receipts', detail: 'holds a file over the limit of 1 KB «gross.pdf»' }]);
    expect(checkUploads(form, data, [file('files::r', undefined, 'gross.pdf', null)], { maxBytes: 10 * 1024 * 1024, maxFiles: 3 }, options).tooLarge[0]?.detail)
      .toBe('holds a file over the limit of 10 MB «gross.pdf»');
    expect(result.problems).toEqual([]);
  });

  it('when a filepicker\'s value is not a form-js files key, then the data check refuses it at the field', () => {
    expect(checkFormData(form, { evidence: { receipts: 'beleg.pdf' } }, { pointer: '/body/data' }))
      .toEqual([{ pointer: '/body/data/evidence/receipts', detail: 'must name its files as form-js does (files::<id>)' }]);
    expect(checkFormData(form, { evidence: {} }, { pointer: '/body/data' })).toEqual([{ pointer: '/body/data/evidence/receipts', detail: 'is required' }]);
    expect(checkFormData(form, { ...data, hiddenScan: 'files::h' }, { pointer: '/body/data' })).toEqual([{ pointer: '/body/data/hiddenScan', detail: 'is not shown for these answers' }]);
    expect(checkFormData(form, data, { pointer: '/body/data' })).toEqual([]);
  });
});
