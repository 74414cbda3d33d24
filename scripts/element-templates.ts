// `npm run templates`: writes the connector tasks' element templates for the modeller.
import { mkdirSync, writeFileSync } from 'node:fs';
import { CONNECTOR_TEMPLATES, toElementTemplate } from '../workers/back-office/element-templates.ts';

export const ELEMENT_TEMPLATES_DIR = 'processes/element-templates';

export function elementTemplateFiles(): Record<string, string> {
  return Object.fromEntries(
    CONNECTOR_TEMPLATES.map((template) => [`${template.jobType}.json`, `${JSON.stringify(toElementTemplate(template), null, 2)}\n`]),
  );
}

if (import.meta.main) {
  mkdirSync(ELEMENT_TEMPLATES_DIR, { recursive: true });
  for (const [file, text] of Object.entries(elementTemplateFiles())) writeFileSync(`${ELEMENT_TEMPLATES_DIR}/${file}`, text);
  console.log(`wrote ${CONNECTOR_TEMPLATES.length} element templates to ${ELEMENT_TEMPLATES_DIR}`);
}
