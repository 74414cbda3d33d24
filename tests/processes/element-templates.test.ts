import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import schema from '@camunda/zeebe-element-templates-json-schema/resources/schema.json' with { type: 'json' };
import { ELEMENT_TEMPLATES_DIR, elementTemplateFiles } from '../../scripts/element-templates.ts';
import { allWorkers, type WorkerDeps } from '../../workers/all-workers.ts';
import { CONNECTOR_TEMPLATES } from '../../workers/back-office/element-templates.ts';

// Creating the workers only closes over their dependencies; nothing here calls them.
const workers = allWorkers({} as WorkerDeps);
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

describe('element templates of the connector tasks', () => {
  it('when the templates are generated, then the files in processes/element-templates are exactly those (run `npm run templates`)', () => {
    const onDisk = Object.fromEntries(readdirSync(ELEMENT_TEMPLATES_DIR).map((file) => [file, readFileSync(`${ELEMENT_TEMPLATES_DIR}/${file}`, 'utf8')]));
    expect(onDisk).toEqual(elementTemplateFiles());
  });

  it.each(Object.entries(elementTemplateFiles()))('when %s is checked against the Zeebe element template schema, then it is valid', (_file, text) => {
    const valid = validate(JSON.parse(text));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it.each(CONNECTOR_TEMPLATES.map((template) => [template.jobType, template] as const))(
    'when a modeller picks %s, then a worker takes its job type and every input it requires is mapped',
    (jobType, template) => {
      const worker = workers.find((definition) => definition.type === jobType);
      expect(worker, `no worker for ${jobType}`).toBeDefined();
      const required = (worker?.input.required ?? []) as string[];
      expect(template.inputs.map((input) => input.name).sort()).toEqual([...required].sort());
    },
  );

  it('when the templates are listed, then ids and job types are unique', () => {
    const ids = CONNECTOR_TEMPLATES.map((template) => template.jobType);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
