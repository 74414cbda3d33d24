import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { brokerEnvironment, DEFAULT_ENGINE_JAVA_OPTS } from '../../scripts/engine/broker-launch.ts';
import { formatStatus } from '../../scripts/engine/engine-process.ts';
import {
  buildExporter,
  fetchDistribution,
  isJarUpToDate,
  mavenEnvironment,
} from '../../scripts/engine/fetch-distribution.ts';
import type { MavenDeps } from '../../scripts/engine/fetch-distribution.ts';
import { findJdk, findMaven, parseJavaMajorVersion } from '../../scripts/engine/find-jdk.ts';
import type { ToolFileSystem } from '../../scripts/engine/find-jdk.ts';
import { enginePaths, engineUrls, parseCamundaVersion } from '../../scripts/engine/paths.ts';
import { parsePid, tailLines } from '../../scripts/engine/pid-and-log.ts';
import { isProcessAlive, isProcessGroupAlive } from '../../scripts/engine/process-liveness.ts';
import { parseTopologyVersion } from '../../scripts/engine/readiness.ts';
import { terminateProcessGroup } from '../../scripts/engine/terminate-process-group.ts';

/** A fake file system with JDKs: home -> JAVA_VERSION of its release file. */
function fakeJdks(jdks: Record<string, string>, executables: string[] = []): ToolFileSystem {
  return {
    readTextFile: (path) => {
      const home = path.replace(/\/release$/, '');
      const version = jdks[home];
      return path.endsWith('/release') && version !== undefined
        ? `IMPLEMENTOR="Test"\nJAVA_VERSION="${version}"\nOS_NAME="Linux"\n`
        : undefined;
    },
    listDirectory: (dir) =>
      Object.keys(jdks)
        .filter((home) => home.startsWith(`${dir}/`))
        .map((home) => home.slice(dir.length + 1)),
    isExecutable: (path) =>
      executables.includes(path) || Object.keys(jdks).some((home) => path === `${home}/bin/java`),
  };
}

describe('parseJavaMajorVersion', () => {
  it.each([
    ['JAVA_VERSION="25.0.3"', 25],
    ['JAVA_VERSION="21"', 21],
    ['JAVA_VERSION="21.0.5+11"', 21],
    ['JAVA_VERSION="17.0.15"', 17],
    ['JAVA_VERSION="1.8.0_292"', 8],
    ['IMPLEMENTOR="Eclipse Adoptium"\nJAVA_RUNTIME_VERSION="25.0.3+9-LTS"\nJAVA_VERSION="25.0.3"\n', 25],
  ])('%j -> %i', (text, major) => {
    expect(parseJavaMajorVersion(text)).toBe(major);
  });

  it('ignores JAVA_RUNTIME_VERSION and missing or garbled values', () => {
    expect(parseJavaMajorVersion('JAVA_RUNTIME_VERSION="25.0.3+9-LTS"')).toBeUndefined();
    expect(parseJavaMajorVersion('JAVA_VERSION=""')).toBeUndefined();
    expect(parseJavaMajorVersion('')).toBeUndefined();
  });
});

describe('findJdk', () => {
  const jdks = {
    '/jvm/java-17-openjdk-amd64': '17.0.15',
    '/jvm/temurin-21-jdk': '21.0.5',
    '/jvm/temurin-25-jdk-amd64': '25.0.3',
  };

  it('prefers JAVA_HOME when it is new enough', () => {
    const jdk = findJdk({ JAVA_HOME: '/jvm/temurin-21-jdk' }, fakeJdks(jdks), { jvmRoot: '/jvm' });
    expect(jdk).toEqual({ home: '/jvm/temurin-21-jdk', major: 21 });
  });

  it('falls back to the newest suitable JDK when JAVA_HOME is too old', () => {
    const jdk = findJdk({ JAVA_HOME: '/jvm/java-17-openjdk-amd64' }, fakeJdks(jdks), { jvmRoot: '/jvm' });
    expect(jdk).toEqual({ home: '/jvm/temurin-25-jdk-amd64', major: 25 });
  });

  it('says what is missing', () => {
    const fs = fakeJdks({ '/jvm/java-17-openjdk-amd64': '17.0.15' });
    expect(() => findJdk({ JAVA_HOME: '/jvm/java-17-openjdk-amd64' }, fs, { jvmRoot: '/jvm' })).toThrow(
      /^JDK 21 or newer not found: set JAVA_HOME .*JAVA_HOME=\/jvm\/java-17-openjdk-amd64 is JDK 17; \/jvm has only .*JDK 17/,
    );
    expect(() => findJdk({}, fakeJdks({}), { jvmRoot: '/jvm' })).toThrow(/no JDK in \/jvm/);
  });
});

describe('findMaven', () => {
  it('finds mvn on PATH or says it is missing', () => {
    const fs = fakeJdks({}, ['/opt/maven/bin/mvn']);
    expect(findMaven({ PATH: '/usr/bin:/opt/maven/bin' }, fs)).toBe('/opt/maven/bin/mvn');
    expect(() => findMaven({ PATH: '/usr/bin' }, fs)).toThrow(/^Maven \(mvn\) not found on PATH/);
  });
});

describe('paths and urls', () => {
  it('reads the pinned engine version from package.json', () => {
    expect(parseCamundaVersion('{"config":{"camundaVersion":"8.6.0"}}')).toBe('8.6.0');
    expect(() => parseCamundaVersion('{"config":{}}')).toThrow(/config\.camundaVersion/);
    expect(() => parseCamundaVersion('{"config":{"camundaVersion":"latest"}}')).toThrow(/config\.camundaVersion/);
  });

  it('keeps everything generated below .cache/engine', () => {
    const paths = enginePaths('/repo', '8.6.0');
    expect(paths.distDir).toBe('/repo/.cache/engine/8.6.0/camunda-zeebe-8.6.0');
    expect(paths.scratchDir.startsWith('/repo/.cache/engine/')).toBe(true);
    expect(paths.exporterJar).toBe('/repo/engine/exporter/target/portal-exporter-8.6.0.jar');
  });

  it('connects to localhost when the engine binds to all interfaces', () => {
    expect(engineUrls({}).readiness).toBe('http://127.0.0.1:9600/actuator/health/readiness');
    expect(engineUrls({ ENGINE_HOST: '0.0.0.0' }).topology).toBe('http://127.0.0.1:8080/v2/topology');
    expect(engineUrls({ ENGINE_HOST: 'engine.local' }).topology).toBe('http://engine.local:8080/v2/topology');
  });
});

describe('environments', () => {
  const jdk25 = { home: '/jvm/temurin-25', major: 25 };

  it('gives the broker its JDK, bounded heap, data dir, exporter jar and config file', () => {
    const paths = enginePaths('/repo', '8.6.0');
    const env = brokerEnvironment({ PATH: '/usr/bin', JAVA_OPTS: '-Xmx8g', DATABASE_URL: 'postgres://x' }, { jdk: jdk25, paths });
    expect(env).toMatchObject({
      PATH: '/usr/bin',
      JAVA_HOME: '/jvm/temurin-25',
      JAVA_OPTS: DEFAULT_ENGINE_JAVA_OPTS,
      ENGINE_DATA_DIR: '/repo/.cache/engine/data',
      ENGINE_EXPORTER_JAR: '/repo/engine/exporter/target/portal-exporter-8.6.0.jar',
      SPRING_CONFIG_ADDITIONAL_LOCATION: 'file:/repo/engine/application.yaml',
    });
    expect(brokerEnvironment({ ENGINE_JAVA_OPTS: '-Xmx512m' }, { jdk: jdk25, paths }).JAVA_OPTS).toBe('-Xmx512m');
  });

  it('silences Maven’s Unsafe warnings only where the flag exists', () => {
    expect(mavenEnvironment({ MAVEN_OPTS: '-Xmx1g' }, jdk25).MAVEN_OPTS).toBe(
      '-Xmx1g --sun-misc-unsafe-memory-access=allow',
    );
    expect(mavenEnvironment({}, { home: '/jvm/21', major: 21 })).toMatchObject({ JAVA_HOME: '/jvm/21', MAVEN_OPTS: '' });
  });
});

describe('fetch is idempotent', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function deps(): MavenDeps {
    return {
      paths: enginePaths(dir, '8.6.0'),
      version: '8.6.0',
      env: {},
      tools: () => {
        throw new Error('Maven must not be needed');
      },
      run: async () => {
        throw new Error('nothing may run');
      },
      log: () => {},
    };
  }

  it('neither downloads nor builds when distribution and jar are current', async () => {
    dir = mkdtempSync(join(tmpdir(), 'engine-cli-'));
    const { paths } = deps();
    mkdirSync(join(paths.distDir, 'bin'), { recursive: true });
    mkdirSync(join(paths.distDir, 'lib'));
    writeFileSync(paths.brokerScript, '#!/bin/sh\n');
    writeFileSync(join(paths.distDir, 'lib', 'zeebe.jar'), '');
    mkdirSync(join(paths.exporterDir, 'src'), { recursive: true });
    mkdirSync(join(paths.exporterDir, 'target'));
    writeFileSync(paths.exporterPom, '<project/>');
    writeFileSync(join(paths.exporterDir, 'src', 'A.java'), 'class A {}');
    writeFileSync(paths.exporterJar, '');
    const past = new Date(Date.now() - 60_000);
    utimesSync(paths.exporterPom, past, past);
    utimesSync(join(paths.exporterDir, 'src', 'A.java'), past, past);

    await expect(fetchDistribution(deps())).resolves.toBe('present');
    await expect(buildExporter(deps())).resolves.toBe('up-to-date');

    writeFileSync(join(paths.exporterDir, 'src', 'A.java'), 'class A { int changed; }');
    utimesSync(join(paths.exporterDir, 'src', 'A.java'), new Date(), new Date(Date.now() + 1_000));
    await expect(buildExporter(deps())).rejects.toThrow('Maven must not be needed');
  });

  it('compares the jar with its newest source', () => {
    expect(isJarUpToDate(undefined, [])).toBe(false);
    expect(isJarUpToDate(200, [100, 150])).toBe(true);
    expect(isJarUpToDate(200, [100, 200])).toBe(false);
  });
});

describe('small parsers', () => {
  it('reads the version from /v2/topology', () => {
    expect(parseTopologyVersion('{"brokers":[{"version":"8.6.0"}],"gatewayVersion":"8.6.0"}')).toBe('8.6.0');
    expect(parseTopologyVersion('{"brokers":[{"version":"8.6.1"}]}')).toBe('8.6.1');
    expect(parseTopologyVersion('not json')).toBeUndefined();
  });

  it('reads pid files defensively', () => {
    expect(parsePid('4242\n')).toBe(4242);
    expect(parsePid('')).toBeUndefined();
    expect(parsePid('1')).toBeUndefined();
    expect(parsePid('abc')).toBeUndefined();
  });

  it('returns the last lines of a log', () => {
    expect(tailLines('a\nb\nc\n\n', 2)).toBe('b\nc');
    expect(tailLines('only', 5)).toBe('only');
  });

  it('formats the status', () => {
    expect(formatStatus({ pid: 7, processAlive: true, readiness: 'UP', version: '8.6.0' })).toEqual([
      'engine:    running (pid 7)',
      'readiness: ready',
      'version:   8.6.0',
    ]);
    expect(formatStatus({ pid: 7, processAlive: false, readiness: 'unreachable', version: undefined })[0]).toBe(
      'engine:    stopped (stale pid file for 7)',
    );
  });
});

describe('terminateProcessGroup', () => {
  it('kills a process group that ignores SIGTERM, leaving nothing behind', async () => {
    const child = spawn('/bin/sh', ['-c', 'trap "" TERM; sleep 30 & wait'], { detached: true, stdio: 'ignore' });
    const pid = child.pid as number;
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 200));
    const lines: string[] = [];
    await expect(terminateProcessGroup(pid, { timeoutMs: 300, log: (line) => lines.push(line) })).resolves.toBe('killed');
    expect(isProcessAlive(pid)).toBe(false);
    expect(isProcessGroupAlive(pid)).toBe(false);
    expect(lines.join('\n')).toMatch(/SIGKILL/);
  });
});
