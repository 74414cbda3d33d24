import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { BackOfficeOutageIncident } from '../../core/db/incidents-repository.ts';
import type { IncidentEngine } from '../../core/engine/incident-commands.ts';
import { startIncidentRecovery } from './incident-recovery.ts';

const NOW = Date.parse('2026-11-22T10:00:00Z');
const settings = { retryAfterMs: 60_000, checkEveryMs: 3_600_000, retries: 3 };

function recoveryOver(incidents: BackOfficeOutageIncident[], engine: Partial<IncidentEngine> = {}) {
  const done: string[] = [];
  const asked: Date[] = [];
  const recovery = startIncidentRecovery(
    {
      incidents: {
        listBackOfficeOutages: async (raisedBefore) => {
          asked.push(raisedBefore);
          return incidents.filter((incident) => incident.createdAt < raisedBefore);
        },
      },
      engine: {
        updateJobRetries: engine.updateJobRetries ?? (async (jobKey, retries) => void done.push(`retries ${jobKey} ${retries}`)),
        resolveIncident: engine.resolveIncident ?? (async (incidentKey) => void done.push(`resolve ${incidentKey}`)),
      },
      logger: pino({ level: 'silent' }),
      now: () => NOW,
    },
    settings,
  );
  return { recovery, done, asked };
}

describe('incident recovery', () => {
  it('when outage incidents are older than the pause, then each job gets its retries back before its incident is resolved', async () => {
    const { recovery, done, asked } = recoveryOver([
      { incidentKey: 'i1', jobKey: 'j1', createdAt: new Date(NOW - 120_000) },
      { incidentKey: 'i2', jobKey: 'j2', createdAt: new Date(NOW - 10_000) },
    ]);
    await expect(recovery.runOnce()).resolves.toBe(1);
    recovery.stop();
    expect(asked).toEqual([new Date(NOW - 60_000)]);
    expect(done).toEqual(['retries j1 3', 'resolve i1']);
  });

  it('when the engine refuses one incident, then the others are still retried', async () => {
    let first = true;
    const { recovery, done } = recoveryOver(
      [
        { incidentKey: 'i1', jobKey: 'j1', createdAt: new Date(NOW - 120_000) },
        { incidentKey: 'i2', jobKey: 'j2', createdAt: new Date(NOW - 120_000) },
      ],
      {
        updateJobRetries: async (jobKey) => {
          if (first) {
            first = false;
            throw new Error('NOT_FOUND');
          }
          done.push(`retries ${jobKey}`);
        },
      },
    );
    await expect(recovery.runOnce()).resolves.toBe(1);
    recovery.stop();
    expect(done).toEqual(['retries j2', 'resolve i2']);
  });

  it('when a pass is running, then a second one joins it instead of retrying twice', async () => {
    const { recovery, done } = recoveryOver([{ incidentKey: 'i1', jobKey: 'j1', createdAt: new Date(NOW - 120_000) }]);
    const [a, b] = await Promise.all([recovery.runOnce(), recovery.runOnce()]);
    recovery.stop();
    expect([a, b]).toEqual([1, 1]);
    expect(done).toEqual(['retries j1 3', 'resolve i1']);
  });
});
