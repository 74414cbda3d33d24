import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface EnginePaths {
  repoRoot: string;
  /** .cache/engine: everything the engine tooling writes lives below it (git-ignored). */
  cacheDir: string;
  /** Unpacked distribution, e.g. .cache/engine/<version>/camunda-zeebe-<version>. */
  distDir: string;
  brokerScript: string;
  /** Scratch folder for Maven runs; removed afterwards. */
  scratchDir: string;
  logFile: string;
  pidFile: string;
  dataDir: string;
  applicationYaml: string;
  exporterDir: string;
  exporterPom: string;
  /** Must match <finalName> in engine/exporter/pom.xml. */
  exporterJar: string;
}

export function enginePaths(repoRoot: string, version: string): EnginePaths {
  const root = resolve(repoRoot);
  const cacheDir = join(root, '.cache', 'engine');
  const distDir = join(cacheDir, version, `camunda-zeebe-${version}`);
  const exporterDir = join(root, 'engine', 'exporter');
  return {
    repoRoot: root,
    cacheDir,
    distDir,
    brokerScript: join(distDir, 'bin', 'broker'),
    scratchDir: join(cacheDir, `.scratch-${version}`),
    logFile: join(cacheDir, 'engine.log'),
    pidFile: join(cacheDir, 'engine.pid'),
    dataDir: join(cacheDir, 'data'),
    applicationYaml: join(root, 'engine', 'application.yaml'),
    exporterDir,
    exporterPom: join(exporterDir, 'pom.xml'),
    exporterJar: join(exporterDir, 'target', `portal-exporter-${version}.jar`),
  };
}

/** The engine version is pinned only in package.json ("config": {"camundaVersion": ...}). */
export function parseCamundaVersion(packageJsonText: string): string {
  const pkg = JSON.parse(packageJsonText) as { config?: { camundaVersion?: unknown } };
  const version = pkg.config?.camundaVersion;
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) {
    throw new Error(
      `package.json: "config.camundaVersion" must be a version like "8.6.0", got ${JSON.stringify(version)}`,
    );
  }
  return version;
}

export function readCamundaVersion(repoRoot: string = REPO_ROOT): string {
  return parseCamundaVersion(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
}

export interface EngineUrls {
  readiness: string;
  topology: string;
}

/** Ports are fixed in engine/application.yaml; only the bind host is configurable (ENGINE_HOST). */
export function engineUrls(env: NodeJS.ProcessEnv): EngineUrls {
  const bindHost = env.ENGINE_HOST?.trim() || '127.0.0.1';
  const host = bindHost === '0.0.0.0' || bindHost === '::' ? '127.0.0.1' : bindHost;
  const base = host.includes(':') ? `[${host}]` : host;
  return {
    readiness: `http://${base}:9600/actuator/health/readiness`,
    topology: `http://${base}:8080/v2/topology`,
  };
}
