// The machine and software the figures were measured on.
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import pg from 'pg';
import { engineStatus } from '../../scripts/engine.ts';

export interface MachineInfo {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  loadAverage1m: number;
  node: string;
  engineVersion: string;
  postgres: string;
  sdk: string;
  autocannon: string;
}

function packageVersion(name: string): string {
  try {
    const url = new URL(`../../node_modules/${name}/package.json`, import.meta.url);
    return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

async function postgresVersion(adminUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>('show server_version');
    return rows[0]?.server_version ?? 'unknown';
  } catch (error) {
    return `unreachable (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function describeMachine(adminUrl: string): Promise<MachineInfo> {
  const processors = cpus();
  const status = await engineStatus();
  return {
    cores: processors.length,
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${type()} ${release()}`,
    loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    node: process.version,
    engineVersion: status.version ?? 'unknown',
    postgres: await postgresVersion(adminUrl),
    sdk: `@camunda8/sdk ${packageVersion('@camunda8/sdk')}`,
    autocannon: packageVersion('autocannon'),
  };
}
