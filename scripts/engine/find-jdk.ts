import { accessSync, constants, readdirSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export const MIN_JAVA_MAJOR = 21;

export interface Jdk {
  home: string;
  major: number;
}

/** File system access needed for the lookup; injected so the lookup can be tested without JDKs. */
export interface ToolFileSystem {
  readTextFile(path: string): string | undefined;
  listDirectory(path: string): string[];
  isExecutable(path: string): boolean;
}

export const nodeToolFileSystem: ToolFileSystem = {
  readTextFile(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  listDirectory(path) {
    try {
      return readdirSync(path).sort();
    } catch {
      return [];
    }
  },
  isExecutable(path) {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  },
};

/**
 * Major version from a JDK's `release` file: JAVA_VERSION="25.0.3" -> 25, "21" -> 21,
 * "1.8.0_292" -> 8 (pre-9 numbering).
 */
export function parseJavaMajorVersion(releaseFileText: string): number | undefined {
  const match = /^\s*JAVA_VERSION\s*=\s*"?([0-9][^"\s]*)"?\s*$/m.exec(releaseFileText);
  if (!match?.[1]) return undefined;
  const parts = match[1].split(/[._+-]/);
  const first = Number(parts[0]);
  const major = first === 1 ? Number(parts[1]) : first;
  return Number.isInteger(major) && major > 0 ? major : undefined;
}

function inspectJdk(home: string, fs: ToolFileSystem): Jdk | undefined {
  const release = fs.readTextFile(join(home, 'release'));
  if (release === undefined || !fs.isExecutable(join(home, 'bin', 'java'))) return undefined;
  const major = parseJavaMajorVersion(release);
  return major === undefined ? undefined : { home, major };
}

/**
 * $JAVA_HOME if it is new enough, otherwise the newest suitable JDK below jvmRoot
 * (/usr/lib/jvm). Throws with a message that says what is missing.
 */
export function findJdk(
  env: NodeJS.ProcessEnv,
  fs: ToolFileSystem = nodeToolFileSystem,
  options: { minMajor?: number; jvmRoot?: string } = {},
): Jdk {
  const minMajor = options.minMajor ?? MIN_JAVA_MAJOR;
  const jvmRoot = options.jvmRoot ?? '/usr/lib/jvm';
  const notes: string[] = [];

  const javaHome = env.JAVA_HOME?.trim();
  if (javaHome) {
    const jdk = inspectJdk(javaHome, fs);
    if (jdk && jdk.major >= minMajor) return jdk;
    notes.push(
      jdk
        ? `JAVA_HOME=${javaHome} is JDK ${jdk.major}`
        : `JAVA_HOME=${javaHome} has no release file or bin/java`,
    );
  }

  const candidates = fs
    .listDirectory(jvmRoot)
    .map((name) => inspectJdk(join(jvmRoot, name), fs))
    .filter((jdk): jdk is Jdk => jdk !== undefined);
  const suitable = candidates.filter((jdk) => jdk.major >= minMajor).sort((a, b) => b.major - a.major);
  if (suitable[0]) return suitable[0];

  const found = candidates.map((jdk) => `${jdk.home} (JDK ${jdk.major})`);
  notes.push(found.length > 0 ? `${jvmRoot} has only ${found.join(', ')}` : `no JDK in ${jvmRoot}`);
  throw new Error(
    `JDK ${minMajor} or newer not found: set JAVA_HOME to a JDK ${minMajor}+ installation ` +
      `or install one below ${jvmRoot}. Checked: ${notes.join('; ')}.`,
  );
}

export function findOnPath(
  command: string,
  env: NodeJS.ProcessEnv,
  fs: ToolFileSystem = nodeToolFileSystem,
): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, command);
    if (fs.isExecutable(candidate)) return candidate;
  }
  return undefined;
}

export function findMaven(env: NodeJS.ProcessEnv, fs: ToolFileSystem = nodeToolFileSystem): string {
  const mvn = findOnPath('mvn', env, fs);
  if (!mvn) {
    throw new Error(
      'Maven (mvn) not found on PATH: install Maven 3.8 or newer (e.g. `apt-get install maven`); ' +
        'it downloads the Camunda distribution from Maven Central and builds engine/exporter.',
    );
  }
  return mvn;
}
