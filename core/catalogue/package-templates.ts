/**
 * The document templates of a service package: one file `templates/<kind>.yaml` for each document
 * its manifest names, complete in the four languages with placeholders that parse. Read with the
 * manifest at start-up and by `npm run lint`; each problem names its file and field.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { checkDocumentTemplate, type DocumentTemplate } from '../documents/document-template.ts';

export const TEMPLATES_FOLDER = 'templates';

export interface PackageTemplate {
  /** The document's kind, as the manifest names it. */
  kind: string;
  /** The template's file, relative to the processes folder's parent (e.g. `processes/residence-certificate/templates/residence-certificate.yaml`). */
  file: string;
  template: DocumentTemplate;
}

type Problem = { file: string; pointer: string; message: string };

/**
 * The templates of `documents` in the package's `folder`, and what is wrong with them: a document
 * without its template (named at the manifest's `/documents/<i>/kind`), a template broken or
 * incomplete (named in the template), a template of no document.
 */
export async function readPackageTemplates(
  folder: string, documents: readonly { kind: string }[], shown: (file: string) => string, manifestFile: string,
): Promise<{ templates: PackageTemplate[]; problems: Problem[] }> {
  const templatesFolder = path.join(folder, TEMPLATES_FOLDER);
  const files: string[] = await readdir(templatesFolder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const templates: PackageTemplate[] = [];
  const problems: Problem[] = [];
  for (const [index, { kind }] of documents.entries()) {
    const name = `${kind}.yaml`;
    if (!files.includes(name)) {
      problems.push({ file: manifestFile, pointer: `/documents/${index}/kind`, message: `has no template: ${TEMPLATES_FOLDER}/${name} is not in the package` });
      continue;
    }
    const file = shown(path.join(templatesFolder, name));
    let document: unknown;
    try {
      document = parseYaml(await readFile(path.join(templatesFolder, name), 'utf8'));
    } catch (error) {
      problems.push({ file, pointer: '/', message: `is not YAML: ${(error as Error).message.split('\n')[0]}` });
      continue;
    }
    const checked = checkDocumentTemplate(document);
    if ('problems' in checked) problems.push(...checked.problems.map((problem) => ({ file, ...problem })));
    else templates.push({ kind, file, template: checked.template });
  }
  const kinds = new Set(documents.map((document) => `${document.kind}.yaml`));
  for (const stray of files.filter((name) => name.endsWith('.yaml') && !kinds.has(name))) {
    problems.push({ file: shown(path.join(templatesFolder, stray)), pointer: '/', message: `is the template of no document: the manifest's documents are ${documents.map((document) => document.kind).join(', ') || 'none'}` });
  }
  return { templates, problems };
}

/** The template of a service's document; without a kind, that of the service's only document. */
export type FindDocumentTemplate = (serviceId: string, kind: string | undefined) => Promise<PackageTemplate | undefined>;

/** The template of `kind` among a service's templates; without a kind, the only one. */
export function templateOfKind(templates: readonly PackageTemplate[], kind: string | undefined): PackageTemplate | undefined {
  if (kind === undefined) return templates.length === 1 ? templates[0] : undefined;
  return templates.find((template) => template.kind === kind);
}

/** Looks templates up in packages read from files (tests, tools); the platform reads them from the catalogue. */
export function documentTemplateFinder(packages: readonly { manifest: { id: string }; documentTemplates: readonly PackageTemplate[] }[]): FindDocumentTemplate {
  const byService = new Map(packages.map((servicePackage) => [servicePackage.manifest.id, servicePackage.documentTemplates]));
  return async (serviceId, kind) => templateOfKind(byService.get(serviceId) ?? [], kind);
}
