/**
 * The document templates of a service package: one file `templates/<kind>.yaml` for each document
 * its manifest names, complete in the four languages with placeholders that parse. Read with the
 * manifest at start-up and by `npm run lint`; each problem names its file and field.
 */
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
 * The templates of `documents` among a package's `files` (by their path inside the package, as
 * service-packages.ts reads them), and what is wrong with them: a document without its template
 * (named at the manifest's `/documents/<i>/kind`), a template broken or incomplete (named in the
 * template), a template of no document. `shown` names a file of the package as problems do.
 */
export function checkPackageTemplates(
  files: ReadonlyMap<string, string>, documents: readonly { kind: string }[], shown: (file: string) => string, manifestFile: string,
): { templates: PackageTemplate[]; problems: Problem[] } {
  const templates: PackageTemplate[] = [];
  const problems: Problem[] = [];
  for (const [index, { kind }] of documents.entries()) {
    const name = `${TEMPLATES_FOLDER}/${kind}.yaml`;
    const text = files.get(name);
    if (text === undefined) {
      problems.push({ file: manifestFile, pointer: `/documents/${index}/kind`, message: `has no template: ${name} is not in the package` });
      continue;
    }
    const file = shown(name);
    let document: unknown;
    try {
      document = parseYaml(text);
    } catch (error) {
      problems.push({ file, pointer: '/', message: `is not YAML: ${(error as Error).message.split('\n')[0]}` });
      continue;
    }
    const checked = checkDocumentTemplate(document);
    if ('problems' in checked) problems.push(...checked.problems.map((problem) => ({ file, ...problem })));
    else templates.push({ kind, file, template: checked.template });
  }
  const kinds = new Set(documents.map((document) => `${TEMPLATES_FOLDER}/${document.kind}.yaml`));
  for (const stray of [...files.keys()].filter((name) => name.startsWith(`${TEMPLATES_FOLDER}/`) && name.endsWith('.yaml') && !kinds.has(name))) {
    problems.push({ file: shown(stray), pointer: '/', message: `is the template of no document: the manifest's documents are ${documents.map((document) => document.kind).join(', ') || 'none'}` });
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
