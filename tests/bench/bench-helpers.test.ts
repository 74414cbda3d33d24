import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BENCH_PROCESS_ID, benchDiagram } from './engine-baseline.ts';
import { loadBenchOptions } from './options.ts';
import { countSdkLine, emptySdkLogCounts } from './sdk-log.ts';
import { percentile, runBounded, summarize } from './stats.ts';

describe('benchmark helpers', () => {
  it('percentile is nearest-rank over sorted values', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('summarize sorts and reports mean and max', () => {
    expect(summarize([3, 1, 2])).toMatchObject({ count: 3, mean: 2, p50: 2, max: 3 });
  });

  it('runBounded keeps at most `limit` tasks in flight and settles every task', async () => {
    let inFlight = 0;
    let most = 0;
    const outcomes = await runBounded(20, 3, async (index) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2));
      inFlight--;
      if (index === 5) throw new Error('boom');
      return index;
    });
    expect(most).toBe(3);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(19);
    expect(outcomes[5]?.status).toBe('rejected');
  });

  it('benchDiagram renames the process and its diagram plane, nothing else', () => {
    const xml = readFileSync(new URL('../../processes/residence-certificate/residence-certificate.bpmn', import.meta.url), 'utf8');
    const renamed = benchDiagram(xml);
    expect(renamed).toContain(`<bpmn:process id="${BENCH_PROCESS_ID}"`);
    expect(renamed).toContain(`bpmnElement="${BENCH_PROCESS_ID}"`);
    expect(renamed).not.toMatch(/(id|bpmnElement)="residence-certificate"/);
    // The document the process issues keeps its kind.
    expect(renamed).toContain('<zeebe:header key="documentKind" value="residence-certificate" />');
    expect(renamed).toContain('formId="residence-certificate-review"');
    expect(renamed).toContain('type="notify-citizen"');
  });

  it('options are bounded', () => {
    expect(loadBenchOptions({}).engineInstances).toBe(500);
    expect(loadBenchOptions({ BENCH_ORDERS: '40' }).orders).toBe(40);
    expect(() => loadBenchOptions({ BENCH_ORDERS: '1e9' })).toThrow(/BENCH_ORDERS/);
    expect(() => loadBenchOptions({ BENCH_STATUS_SECONDS: '0' })).toThrow(/BENCH_STATUS_SECONDS/);
  });

  it('counts the SDK\'s backpressure, retry and stream-cancel lines and leaves others alone', () => {
    const counts = emptySdkLogCounts();
    const lines = [
      '22:05:01.341 | zeebe |  ERROR: [createProcessInstance]: 8 RESOURCE_EXHAUSTED: Expected to execute the command on one of the partitions',
      '22:05:02.343 | zeebe |  ERROR: [createProcessInstance]: Attempt 2 (max: -1).',
      "22:13:22.609 | zeebe |  ERROR: Grpc Stream Error: 8 RESOURCE_EXHAUSTED: Expected to activate jobs of type 'find-resident'",
      '{"level":50,"message":"Grpc Stream Error: 1 CANCELLED: Cancelled on client","component":"GRPCMIDDLEWARE"}',
    ];
    expect(lines.map((line) => countSdkLine(line, counts))).toEqual([true, true, true, true]);
    expect(countSdkLine('{"level":50,"msg":"job failed, raising an incident"}', counts)).toBe(false);
    expect(counts).toEqual({
      rejections: { 'createProcessInstance RESOURCE_EXHAUSTED': 1, 'activateJobs RESOURCE_EXHAUSTED': 1 },
      retries: 1,
      cancelledStreams: 1,
    });
  });
});
