import { describe, expect, it } from 'vitest';
import { detectFileType, filepickerProblems, isAccepted } from '../../../../core/forms/upload-types.ts';
import { sampleExe, sampleJpeg, samplePdf, samplePng } from '../../../support/sample-files.ts';

describe('the type of an uploaded file', () => {
  it('when a file is read, then its type comes from its content, whatever it is called', async () => {
    expect(await detectFileType(samplePdf())).toEqual({ ext: 'pdf', mime: 'application/pdf' });
    expect(await detectFileType(sampleJpeg())).toEqual({ ext: 'jpg', mime: 'image/jpeg' });
    expect(await detectFileType(samplePng())).toEqual({ ext: 'png', mime: 'image/png' });
    expect(await detectFileType(sampleExe())).toEqual({ ext: 'exe', mime: 'application/x-msdownload' });
    expect(await detectFileType(Buffer.from('Nur ein Text'))).toBeUndefined();
  });

  it.each([
    ['.pdf,image/jpeg', { ext: 'pdf', mime: 'application/pdf' }, true],
    ['.pdf,image/jpeg', { ext: 'jpg', mime: 'image/jpeg' }, true],
    ['.PDF, .JPEG', { ext: 'jpg', mime: 'image/jpeg' }, true],
    ['image/*', { ext: 'png', mime: 'image/png' }, true],
    ['image/*', { ext: 'pdf', mime: 'application/pdf' }, false],
    ['.pdf,image/jpeg', { ext: 'png', mime: 'image/png' }, false],
    [undefined, { ext: 'heic', mime: 'image/heic' }, true],
    ['', { ext: 'png', mime: 'image/png' }, true],
    [undefined, { ext: 'exe', mime: 'application/x-msdownload' }, false],
    [undefined, { ext: 'gif', mime: 'image/gif' }, false],
  ])('when accept is %j and the content is %j, then it is accepted: %s', (accept, type, accepted) => {
    expect(isAccepted(accept, type)).toBe(accepted);
  });

  it.each([
    [{ accept: '.pdf,image/jpeg,image/*', multiple: true }, []],
    [{ accept: '.txt' }, ['its accept names .txt, whose content the intake cannot recognise']],
    [{ accept: 'text/plain' }, ['its accept names text/plain, whose content the intake cannot recognise']],
    [{ accept: '={{allowed}}' }, ['its accept is not a list of file types (.pdf, image/jpeg, image/*)']],
    [{ multiple: '=many' }, ['its multiple is an expression, which the intake cannot evaluate; use true or false']],
  ])('when a package\'s filepicker is %j, then the package check finds %j', (component, problems) => {
    expect(filepickerProblems({ type: 'filepicker', key: 'scan', ...component })).toEqual(problems);
  });
});
