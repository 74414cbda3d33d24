import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startFormFor } from '../../../../core/catalogue/start-form-for.ts';

type Form = { id: string; components: { key?: string; values?: { value: string }[] }[] };
const certificateForm = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../../processes/residence-certificate/residence-certificate-start.form'), 'utf8')) as Form;
const paymentChoice = (form: object) => (form as Form).components.find((component) => component.key === 'paymentMethod');

describe('the start form as a municipality shows it', () => {
  it('when a municipality takes only online payment, then the payment choice offers only that', () => {
    expect(paymentChoice(startFormFor(certificateForm, ['online']))?.values?.map((option) => option.value)).toEqual(['online']);
  });

  it('when both methods are open there, then both are offered, and the package\'s form is left as it was', () => {
    expect(paymentChoice(startFormFor(certificateForm, ['online', 'invoice']))?.values?.map((option) => option.value)).toEqual(['online', 'invoice']);
    expect(paymentChoice(certificateForm)?.values).toHaveLength(2);
  });

  it('when the service is free there, then the form asks for no payment, and its other fields stay', () => {
    const free = startFormFor(certificateForm, []) as Form;
    expect(paymentChoice(free)).toBeUndefined();
    expect(free.components).toHaveLength(certificateForm.components.length - 1);
    expect(free.id).toBe('residence-certificate-start');
  });
});
