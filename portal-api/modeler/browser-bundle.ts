import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { LINT_CONFIG_FILE } from '../../core/modeller/lint-diagram.ts';

/** The modeller's browser code, bundled once: script and stylesheet, and the chunks the script loads when it needs them. */
export interface BrowserBundle {
  js: string;
  css: string;
  /** Code split off the script (the form-js editor), by file name under `/modeler/assets/chunks/`. */
  chunks: ReadonlyMap<string, string>;
  builtInMs: number;
}

/** Where the script's chunks are served, relative to the script (esbuild writes the imports relative to it). */
export const CHUNKS_FOLDER = 'chunks';

const repositoryRoot = path.resolve(import.meta.dirname, '..', '..');
const requireFromRepository = createRequire(path.join(repositoryRoot, 'package.json'));
const compileConfig = requireFromRepository('bpmnlint/lib/support/compile-config') as (config: unknown) => Promise<string>;

/**
 * The repository's `.bpmnlintrc` compiled into a module (`virtual:bpmnlint-config`), so that the
 * browser lints with the very rules the server and `npm run lint` apply.
 */
const lintConfigPlugin: esbuild.Plugin = {
  name: 'bpmnlint-config',
  setup(build) {
    build.onResolve({ filter: /^virtual:bpmnlint-config$/ }, () => ({ path: 'bpmnlint-config', namespace: 'bpmnlint-config' }));
    build.onLoad({ filter: /.*/, namespace: 'bpmnlint-config' }, async () => ({
      contents: await compileConfig(JSON.parse(await readFile(LINT_CONFIG_FILE, 'utf8'))),
      resolveDir: repositoryRoot,
      loader: 'js',
    }));
  },
};

/**
 * Bundles `modeler-ui/src/main.js` in memory with esbuild: nothing is committed or written to
 * disk. The first request waits for it (a few seconds); later ones get the same promise. What the
 * script imports dynamically (the form-js editor, which only the forms tab needs) is split into
 * chunks that the browser fetches when a page asks for them.
 */
export function createBrowserBundle(entry = path.join(repositoryRoot, 'modeler-ui', 'src', 'main.js')): () => Promise<BrowserBundle> {
  let pending: Promise<BrowserBundle> | undefined;
  return () => {
    pending ??= (async () => {
      const started = performance.now();
      const outdir = '/modeler-bundle';
      const result = await esbuild.build({
        entryPoints: { modeler: entry },
        bundle: true,
        write: false,
        outdir,
        splitting: true,
        chunkNames: `${CHUNKS_FOLDER}/[name]-[hash]`,
        format: 'esm',
        target: ['es2022'],
        minify: true,
        legalComments: 'none',
        logLevel: 'silent',
        define: { 'process.env.NODE_ENV': '"production"' },
        loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.eot': 'dataurl', '.svg': 'dataurl' },
        plugins: [lintConfigPlugin],
      });
      const text = (name: string) => result.outputFiles.find((file) => file.path === path.posix.join(outdir, name))?.text ?? '';
      const chunks = new Map(result.outputFiles.filter((file) => file.path.startsWith(`${outdir}/${CHUNKS_FOLDER}/`))
        .map((file) => [path.posix.basename(file.path), file.text]));
      return { js: text('modeler.js'), css: text('modeler.css'), chunks, builtInMs: Math.round(performance.now() - started) };
    })().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
