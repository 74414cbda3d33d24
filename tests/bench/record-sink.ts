// Stands in for the platform's /internal/engine-records while the engine baseline runs.
//
// The engine's exporter always posts its records to port 3000. With nothing listening it keeps
// them and retries, so the backlog of the baseline would later be projected by the platform during
// phase (b) and slow it down. This sink accepts every batch (204) and notes when the completion
// of each instance of the benchmark's diagram arrived, which cross-checks the baseline's own count
// and shows the exporter's delay.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export interface RecordSink {
  /** performance.now() of the batch that brought the completion of this instance. */
  completionArrivedAt(processInstanceKey: string): number | undefined;
  /** performance.now() of the last batch of any kind. */
  lastBatchAt(): number | undefined;
  records(): number;
  close(): Promise<void>;
}

interface ExportedRecord {
  valueType?: string;
  intent?: string;
  value?: { bpmnElementType?: string; bpmnProcessId?: string; processInstanceKey?: number | string };
}

export async function startRecordSink(options: { url: string; token: string; processId: string }): Promise<RecordSink> {
  const target = new URL(options.url);
  let records = 0;
  let lastBatchAt: number | undefined;
  const arrivals = new Map<string, number>();

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (request.method !== 'POST' || request.url !== target.pathname || request.headers.authorization !== `Bearer ${options.token}`) {
      response.writeHead(request.method === 'POST' ? 401 : 404).end();
      return;
    }
    const batch = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ExportedRecord[];
    lastBatchAt = performance.now();
    records += batch.length;
    for (const record of batch) {
      if (record.valueType === 'PROCESS_INSTANCE' && record.intent === 'ELEMENT_COMPLETED'
        && record.value?.bpmnElementType === 'PROCESS' && record.value.bpmnProcessId === options.processId) {
        // Delivery is at least once: the first arrival counts.
        const key = String(record.value.processInstanceKey);
        if (!arrivals.has(key)) arrivals.set(key, lastBatchAt);
      }
    }
    response.writeHead(204).end();
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(400);
      response.end();
    });
  });
  server.listen(Number(target.port || 80), target.hostname);
  try {
    await once(server, 'listening');
  } catch (error) {
    throw new Error(`cannot listen on ${target.host} for the engine's records (is the platform running?): ${(error as Error).message}`, { cause: error });
  }

  return {
    completionArrivedAt: (processInstanceKey) => arrivals.get(processInstanceKey),
    lastBatchAt: () => lastBatchAt,
    records: () => records,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
