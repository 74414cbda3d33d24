import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { defineTemplate, templateInputsOf } from './element-template.ts';

describe('element template inputs taken from a worker\'s input schema', () => {
  it('when properties carry a title and description, then each becomes an input in the schema\'s order, mapped from its own name unless it says otherwise', () => {
    const input = Type.Object({
      caseId: Type.String({ title: 'Vorgang', description: 'Der Vorgang.' }),
      residentId: Type.String({ title: 'Einwohner-Id', description: 'Aus der Suche.', mapping: '=resident.residentId' }),
      note: Type.Optional(Type.String({ title: 'Notiz', description: 'Frei.' })),
    });
    expect(templateInputsOf(input)).toEqual([
      { name: 'caseId', label: 'Vorgang', description: 'Der Vorgang.', value: '=caseId' },
      { name: 'residentId', label: 'Einwohner-Id', description: 'Aus der Suche.', value: '=resident.residentId' },
      { name: 'note', label: 'Notiz', description: 'Frei.', value: '', optional: true },
    ]);
  });

  it('when an optional property has no title, then the template leaves it out', () => {
    const input = Type.Object({ caseId: Type.String({ title: 'Vorgang', description: 'Der Vorgang.' }), rejectionReason: Type.Optional(Type.String()) });
    expect(templateInputsOf(input).map((field) => field.name)).toEqual(['caseId']);
  });

  it('when a required property has no title, then the template is refused, since a modeller could not map it', () => {
    expect(() => templateInputsOf(Type.Object({ caseId: Type.String() }))).toThrow(/caseId is required/);
  });

  it('when a template declares outputs and errors, then they keep their order', () => {
    const template = defineTemplate({
      jobType: 'demo', version: 1, category: 'case', name: 'Demo', description: 'Zeigt es.', input: Type.Object({}),
      outputs: { first: { label: 'Erstes', description: 'a' }, second: { label: 'Zweites', description: 'b' } }, errors: ['B', 'A'],
    });
    expect(template.outputs.map((output) => output.variable)).toEqual(['first', 'second']);
    expect(template.errors).toEqual(['B', 'A']);
  });
});
