import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import schema from '@camunda/zeebe-element-templates-json-schema/resources/schema.json' with { type: 'json' };
import {
  CONNECTOR_TEMPLATES, ELEMENT_TEMPLATES_DIR, PREVIOUS_TEMPLATES_DIR, elementTemplateFiles, previousFileName, supersededFiles,
} from '../../scripts/element-templates.ts';
import { messageTemplateNames } from '../../core/cases/message-texts.ts';
import { allWorkers, type WorkerDeps } from '../../workers/composition/all-workers.ts';

// Creating the workers only closes over their dependencies; nothing here calls them.
const workers = allWorkers({} as WorkerDeps);
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const jsonFiles = (dir: string) => Object.fromEntries(readdirSync(dir).filter((file) => file.endsWith('.json')).map((file) => [file, readFileSync(`${dir}/${file}`, 'utf8')]));
const previous = jsonFiles(PREVIOUS_TEMPLATES_DIR);

describe('element templates of the connector tasks', () => {
  it('when the templates are generated, then the files in processes/element-templates are exactly those (run `npm run templates`)', () => {
    expect(jsonFiles(ELEMENT_TEMPLATES_DIR)).toEqual(elementTemplateFiles());
  });

  it.each(Object.entries({ ...elementTemplateFiles(), ...previous }))('when %s is checked against the Zeebe element template schema, then it is valid', (_file, text) => {
    const valid = validate(JSON.parse(text));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it.each(CONNECTOR_TEMPLATES.map((template) => [template.jobType, template] as const))(
    'when a modeller picks %s, then a worker takes its job type, every input it requires is mapped and the optional ones are its own',
    (jobType, template) => {
      const worker = workers.find((definition) => definition.type === jobType);
      expect(worker, `no worker for ${jobType}`).toBeDefined();
      const required = (worker?.input.required ?? []) as string[];
      expect(template.inputs.filter((input) => !input.optional).map((input) => input.name).sort()).toEqual([...required].sort());
      for (const input of template.inputs.filter((candidate) => candidate.optional)) expect(Object.keys(worker?.input.properties ?? {})).toContain(input.name);
    },
  );

  it('when a modeller picks the message of "Bürger/in benachrichtigen", then the dropdown offers exactly the known message templates', () => {
    const notify = JSON.parse(elementTemplateFiles()['notify-citizen.json'] ?? '{}') as { properties: { type: string; binding: { key?: string }; choices?: { value: string }[] }[] };
    const header = notify.properties.find((property) => property.binding.key === 'template');
    expect(header?.type).toBe('Dropdown');
    expect(header?.choices?.map((choice) => choice.value)).toEqual(messageTemplateNames());
  });

  it('when a modeller places «Dokument ausstellen», then she types the kind of the document, which the service\'s package has a template for', () => {
    const issueDocument = JSON.parse(elementTemplateFiles()['issue-document.json'] ?? '{}') as { properties: { type: string; binding: { type: string; key?: string }; constraints?: object }[] };
    expect(issueDocument.properties.find((property) => property.binding.type === 'zeebe:taskHeader')).toMatchObject({
      type: 'String', binding: { key: 'documentKind' }, constraints: { notEmpty: true },
    });
  });

  it('when the templates are listed, then ids and job types are unique', () => {
    const ids = CONNECTOR_TEMPLATES.map((template) => template.jobType);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('when a template was superseded, then previous/ keeps that older version of a template that still exists', () => {
    const current = new Map(CONNECTOR_TEMPLATES.map((template) => [`gemeindeportal.${template.jobType}`, template]));
    for (const [file, text] of Object.entries(previous)) {
      const { id, version } = JSON.parse(text) as { id: string; version: number };
      const template = current.get(id);
      expect(template, `${file}: no current template ${id}`).toBeDefined();
      expect(file).toBe(previousFileName(`${template?.jobType}.json`, version));
      expect(version).toBeLessThan(template?.version ?? 0);
    }
  });

  it('when a template changes without a new version, then the generator refuses; with one, it keeps the old version', () => {
    const files = elementTemplateFiles();
    const changed = (text: string, version: number) => `${JSON.stringify({ ...JSON.parse(text) as object, name: 'anders', version }, null, 2)}\n`;
    const findResident = files['find-resident.json'] ?? '';
    const currentVersion = (JSON.parse(findResident) as { version: number }).version;
    expect(() => supersededFiles(files, (file) => (file === 'find-resident.json' ? changed(findResident, currentVersion) : files[file]))).toThrow(/raise its version/);
    const older = changed(findResident, currentVersion - 1);
    expect(supersededFiles(files, (file) => (file === 'find-resident.json' ? older : files[file]))).toEqual({ [`find-resident.v${currentVersion - 1}.json`]: older });
  });
});
