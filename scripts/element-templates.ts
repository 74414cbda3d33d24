// `npm run templates`: writes the connector tasks' element templates for the modeller, and the
// service packages' manifest and document template schemas for editors.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { publishedManifestSchema } from '../core/catalogue/service-manifest.ts';
import { publishedTemplateSchema } from '../core/documents/document-template.ts';
import { CONNECTOR_TEMPLATES } from '../workers/composition/element-templates.ts';
import { toElementTemplate } from '../workers/runtime/element-template.ts';

export const ELEMENT_TEMPLATES_DIR = 'processes/element-templates';
/** Superseded versions, served too: diagrams made with them show their fields and offer the upgrade. */
export const PREVIOUS_TEMPLATES_DIR = `${ELEMENT_TEMPLATES_DIR}/previous`;

export { CONNECTOR_TEMPLATES };

/** The current templates' files, by file name. */
export function elementTemplateFiles(): Record<string, string> {
  return Object.fromEntries(
    CONNECTOR_TEMPLATES.map((template) => [`${template.jobType}.json`, `${JSON.stringify(toElementTemplate(template), null, 2)}\n`]),
  );
}

/** Where the service manifest's JSON Schema is published (`service.yaml` files name it for editors). */
export const MANIFEST_SCHEMA_FILE = 'processes/service.schema.json';

export const manifestSchemaText = (): string => `${JSON.stringify(publishedManifestSchema(), null, 2)}\n`;

/** Where the document templates' JSON Schema is published (`templates/*.yaml` files name it for editors). */
export const TEMPLATE_SCHEMA_FILE = 'processes/document-template.schema.json';

export const templateSchemaText = (): string => `${JSON.stringify(publishedTemplateSchema(), null, 2)}\n`;

/** File name of a superseded version in previous/. */
export const previousFileName = (file: string, version: number): string => file.replace(/\.json$/, `.v${version}.json`);

/**
 * The superseded files to keep when writing `files`: the version on disk of every template whose
 * version was raised. A template that changed without a new version is refused, since diagrams
 * made with the old one would silently show the new fields.
 */
export function supersededFiles(files: Record<string, string>, readCurrent: (file: string) => string | undefined): Record<string, string> {
  const superseded: Record<string, string> = {};
  for (const [file, text] of Object.entries(files)) {
    const current = readCurrent(file);
    if (current === undefined || current === text) continue;
    const before = (JSON.parse(current) as { version: number }).version;
    const after = (JSON.parse(text) as { version: number }).version;
    if (after <= before) throw new Error(`${file} changed: raise its version (now ${before}) beside its worker`);
    superseded[previousFileName(file, before)] = current;
  }
  return superseded;
}

if (import.meta.main) {
  const files = elementTemplateFiles();
  const read = (file: string) => (existsSync(`${ELEMENT_TEMPLATES_DIR}/${file}`) ? readFileSync(`${ELEMENT_TEMPLATES_DIR}/${file}`, 'utf8') : undefined);
  const superseded = supersededFiles(files, read);
  mkdirSync(PREVIOUS_TEMPLATES_DIR, { recursive: true });
  for (const [file, text] of Object.entries(superseded)) writeFileSync(`${PREVIOUS_TEMPLATES_DIR}/${file}`, text);
  for (const [file, text] of Object.entries(files)) writeFileSync(`${ELEMENT_TEMPLATES_DIR}/${file}`, text);
  writeFileSync(MANIFEST_SCHEMA_FILE, manifestSchemaText());
  writeFileSync(TEMPLATE_SCHEMA_FILE, templateSchemaText());
  console.log(`wrote ${CONNECTOR_TEMPLATES.length} element templates to ${ELEMENT_TEMPLATES_DIR}, kept ${Object.keys(superseded).length} superseded versions in ${PREVIOUS_TEMPLATES_DIR}, and ${MANIFEST_SCHEMA_FILE} and ${TEMPLATE_SCHEMA_FILE}`);
}
