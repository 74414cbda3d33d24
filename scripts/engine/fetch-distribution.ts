import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Jdk } from './find-jdk.ts';
import type { EnginePaths } from './paths.ts';
import type { RunCommand } from './run-command.ts';

export interface MavenDeps {
  paths: EnginePaths;
  version: string;
  env: NodeJS.ProcessEnv;
  /** Resolved lazily, so a machine without Maven can still start an engine that is already fetched. */
  tools: () => { jdk: Jdk; mvn: string };
  run: RunCommand;
  log: (line: string) => void;
}

export function isDistributionPresent(distDir: string): boolean {
  return existsSync(join(distDir, 'bin', 'broker')) && readdirSafe(join(distDir, 'lib')).length > 0;
}

/** Environment for Maven: the found JDK, and no sun.misc.Unsafe warnings from Maven's own Guava on JDK 24+. */
export function mavenEnvironment(env: NodeJS.ProcessEnv, jdk: Jdk): NodeJS.ProcessEnv {
  const opts = [env.MAVEN_OPTS?.trim()];
  if (jdk.major >= 24) opts.push('--sun-misc-unsafe-memory-access=allow');
  return { ...env, JAVA_HOME: jdk.home, MAVEN_OPTS: opts.filter(Boolean).join(' ') };
}

export async function fetchDistribution(deps: MavenDeps): Promise<'present' | 'unpacked'> {
  const { paths, version, log } = deps;
  if (isDistributionPresent(paths.distDir)) return 'present';

  const { jdk, mvn } = deps.tools();
  log(`downloading Camunda ${version} (io.camunda:camunda-zeebe:${version}:tar.gz) with Maven ...`);
  // Unpack into scratch and move into place afterwards, so an interrupted download never looks
  // complete. Maven runs with cwd in scratch because dependency:unpack without a pom creates a
  // literal "${project.basedir}" folder (its marker files) in the working directory.
  const scratch = paths.scratchDir;
  const unpackDir = join(scratch, 'unpacked');
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(unpackDir, { recursive: true });
  try {
    await deps.run(
      mvn,
      [
        '-B',
        '-q',
        '-Dstyle.color=never',
        'dependency:unpack',
        `-Dartifact=io.camunda:camunda-zeebe:${version}:tar.gz`,
        `-DoutputDirectory=${unpackDir}`,
      ],
      { cwd: scratch, env: mavenEnvironment(deps.env, jdk) },
    );
    const unpacked = readdirSafe(unpackDir)
      .map((name) => join(unpackDir, name))
      .find((dir) => existsSync(join(dir, 'bin', 'broker')));
    if (!unpacked) throw new Error(`the downloaded archive has no bin/broker (looked in ${unpackDir})`);
    rmSync(paths.distDir, { recursive: true, force: true });
    mkdirSync(dirname(paths.distDir), { recursive: true });
    renameSync(unpacked, paths.distDir);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  log(`Camunda ${version} unpacked to ${paths.distDir}`);
  return 'unpacked';
}

export function isJarUpToDate(jarMtimeMs: number | undefined, sourceMtimesMs: readonly number[]): boolean {
  return jarMtimeMs !== undefined && sourceMtimesMs.every((mtime) => mtime < jarMtimeMs);
}

export function exporterSourceFiles(exporterDir: string): string[] {
  return [join(exporterDir, 'pom.xml'), ...listFilesRecursive(join(exporterDir, 'src'))];
}

export async function buildExporter(deps: MavenDeps): Promise<'up-to-date' | 'built'> {
  const { paths, version, log } = deps;
  const sources = exporterSourceFiles(paths.exporterDir);
  if (isJarUpToDate(mtimeMs(paths.exporterJar), sources.map((file) => mtimeMs(file) ?? Infinity))) {
    return 'up-to-date';
  }

  const { jdk, mvn } = deps.tools();
  log(`building engine/exporter with JDK ${jdk.major} (${jdk.home}) ...`);
  await deps.run(
    mvn,
    ['-B', '-q', '-Dstyle.color=never', '-f', paths.exporterPom, `-Dcamunda.version=${version}`, 'package'],
    { cwd: paths.repoRoot, env: mavenEnvironment(deps.env, jdk) },
  );
  if (!existsSync(paths.exporterJar)) {
    throw new Error(`Maven finished but ${paths.exporterJar} is missing (does <finalName> in the pom match?)`);
  }
  log(`exporter built: ${paths.exporterJar}`);
  return 'built';
}

/** Everything `start` needs on disk: the distribution and the exporter jar. */
export async function fetchAll(deps: MavenDeps): Promise<void> {
  if ((await fetchDistribution(deps)) === 'present') {
    deps.log(`Camunda ${deps.version} already unpacked in ${deps.paths.distDir}`);
  }
  if ((await buildExporter(deps)) === 'up-to-date') {
    deps.log(`exporter up to date: ${deps.paths.exporterJar}`);
  }
}

function mtimeMs(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function listFilesRecursive(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}
