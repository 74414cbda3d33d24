/** One record as the engine's exporter sends it (Zeebe `Record#toJson`), reduced to what we read. */
export interface EngineRecord {
  partitionId: number;
  position: number;
  key: string;
  timestamp: number;
  valueType: string;
  intent: string;
  recordType: string;
  value: Record<string, unknown>;
}

const isKeyField = (name: string): boolean => name === 'key' || name.endsWith('Key');

/**
 * Parses a batch of records. Engine keys are 64-bit: above 2^53 a JS number loses digits, so
 * every `key`/`...Key` field is kept as the exact text of its JSON number.
 */
export function parseEngineRecords(json: string): EngineRecord[] {
  const parsed: unknown = JSON.parse(json, function (this: unknown, name, value, context?: { source?: string }) {
    if (typeof value === 'number' && isKeyField(name) && context?.source) return context.source;
    return value;
  });
  if (!Array.isArray(parsed)) throw new TypeError('expected a JSON array of engine records');
  return parsed.map((item, index) => {
    if (typeof item !== 'object' || item === null) throw new TypeError(`record ${index} is not an object`);
    const record = item as Record<string, unknown>;
    for (const field of ['partitionId', 'position', 'timestamp'] as const) {
      if (typeof record[field] !== 'number') throw new TypeError(`record ${index}: ${field} must be a number`);
    }
    for (const field of ['valueType', 'intent', 'recordType'] as const) {
      if (typeof record[field] !== 'string') throw new TypeError(`record ${index}: ${field} must be a string`);
    }
    if (typeof record.value !== 'object' || record.value === null) throw new TypeError(`record ${index}: value must be an object`);
    if (typeof record.key !== 'string' && typeof record.key !== 'number') throw new TypeError(`record ${index}: key is missing`);
    return { ...record, key: String(record.key) } as EngineRecord;
  });
}

export function textOf(value: Record<string, unknown>, field: string): string {
  const found = value[field];
  if (typeof found === 'string') return found;
  if (typeof found === 'number') return String(found);
  throw new TypeError(`record value field ${field} is missing`);
}
