import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Jdk } from './find-jdk.ts';
import type { EnginePaths } from './paths.ts';

export const DEFAULT_ENGINE_JAVA_OPTS = '-Xms256m -Xmx1g';

export function brokerEnvironment(
  env: NodeJS.ProcessEnv,
  options: { jdk: Jdk; paths: EnginePaths },
): NodeJS.ProcessEnv {
  // DATABASE_URL (the portal's PostgreSQL) is deliberately not used by the engine: Camunda 8.6 has
  // no relational secondary storage (that arrives with 8.9). The engine keeps its state in RocksDB
  // under ENGINE_DATA_DIR; the portal builds its read model from the exporter's records.
  const dataDir = env.ENGINE_DATA_DIR?.trim();
  return {
    ...env,
    JAVA_HOME: options.jdk.home,
    // ENGINE_JAVA_OPTS rather than JAVA_OPTS, so JVM options meant for other tools do not leak in.
    JAVA_OPTS: env.ENGINE_JAVA_OPTS?.trim() || DEFAULT_ENGINE_JAVA_OPTS,
    ENGINE_DATA_DIR: dataDir ? resolve(dataDir) : options.paths.dataDir,
    ENGINE_EXPORTER_JAR: options.paths.exporterJar,
    // Not --spring.config.additional-location: 8.6's StandaloneBroker.main drops its arguments
    // (it runs the Spring application with an empty argument list).
    SPRING_CONFIG_ADDITIONAL_LOCATION: `file:${options.paths.applicationYaml}`,
  };
}

/** Starts bin/broker in the background with its output in the log file. */
export async function spawnBroker(
  paths: EnginePaths,
  env: NodeJS.ProcessEnv,
): Promise<{ pid: number; hasExited: () => boolean }> {
  const logFd = openSync(paths.logFile, 'w');
  try {
    // Via sh so a lost executable bit on bin/broker does not matter; the script execs java, so
    // the pid stays the JVM's. detached: own process group and session, outlives this CLI.
    const child = spawn('/bin/sh', [paths.brokerScript], {
      cwd: paths.distDir,
      env,
      detached: true,
      stdio: ['ignore', logFd, logFd],
    });
    let exited = false;
    child.once('exit', () => {
      exited = true;
    });
    const pid = await new Promise<number>((resolvePid, reject) => {
      child.once('spawn', () => resolvePid(child.pid as number));
      child.once('error', (error) => reject(new Error(`could not start ${paths.brokerScript}: ${error.message}`)));
    });
    child.unref();
    return { pid, hasExited: () => exited };
  } finally {
    closeSync(logFd);
  }
}
