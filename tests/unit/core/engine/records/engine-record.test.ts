import { describe, expect, it } from 'vitest';
import { parseEngineRecords, textOf } from '../../../../../core/engine/records/engine-record.ts';

// Raw JSON text on purpose: written as JS numbers, these keys would already have lost digits.
const PROCESS_INSTANCE_KEY = '9007199254740993'; // 2^53 + 1
const RECORD_KEY = '18014398509481985'; // 2^54 + 1

const recordJson = (overrides: Record<string, string> = {}): string => {
  const fields: Record<string, string> = {
    partitionId: '1',
    position: '42',
    key: RECORD_KEY,
    timestamp: '1718000000000',
    valueType: '"PROCESS_INSTANCE"',
    intent: '"ELEMENT_ACTIVATED"',
    recordType: '"EVENT"',
    value: `{"processInstanceKey":${PROCESS_INSTANCE_KEY},"elementId":"find-resident","version":3,"parentElementInstanceKey":-1}`,
    ...overrides,
  };
  return `{${Object.entries(fields).map(([name, raw]) => `"${name}":${raw}`).join(',')}}`;
};

describe('parseEngineRecords', () => {
  it('when keys lie above 2^53, then they are kept as their exact text', () => {
    const [record] = parseEngineRecords(`[${recordJson()}]`);
    expect(record?.key).toBe(RECORD_KEY);
    expect(record?.value.processInstanceKey).toBe(PROCESS_INSTANCE_KEY);
  });

  it('when a key is negative, then it is kept as text too', () => {
    const [record] = parseEngineRecords(`[${recordJson()}]`);
    expect(record?.value.parentElementInstanceKey).toBe('-1');
  });

  it('when a field is not a key, then its number stays a number', () => {
    const [record] = parseEngineRecords(`[${recordJson()}]`);
    expect(record?.partitionId).toBe(1);
    expect(record?.position).toBe(42);
    expect(record?.timestamp).toBe(1_718_000_000_000);
    expect(record?.value.version).toBe(3);
    expect(record?.value.elementId).toBe('find-resident');
  });

  it('when the batch holds several records, then all are returned in order', () => {
    const records = parseEngineRecords(`[${recordJson({ position: '1' })},${recordJson({ position: '2' })}]`);
    expect(records.map((record) => record.position)).toEqual([1, 2]);
  });

  it('when the batch is empty, then no records are returned', () => {
    expect(parseEngineRecords('[]')).toEqual([]);
  });

  it.each(['{}', '"records"', '42', 'null'])('when the JSON is %s rather than an array, then it is rejected', (json) => {
    expect(() => parseEngineRecords(json)).toThrow(new TypeError('expected a JSON array of engine records'));
  });

  it.each(['null', '"text"', '7'])('when a record is %s, then it is rejected as not an object', (item) => {
    expect(() => parseEngineRecords(`[${recordJson()},${item}]`)).toThrow(new TypeError('record 1 is not an object'));
  });

  it.each([
    { field: 'partitionId', kind: 'number' },
    { field: 'position', kind: 'number' },
    { field: 'timestamp', kind: 'number' },
    { field: 'valueType', kind: 'string' },
    { field: 'intent', kind: 'string' },
    { field: 'recordType', kind: 'string' },
  ])('when $field is missing, then the message names it', ({ field, kind }) => {
    const record = JSON.parse(recordJson()) as Record<string, unknown>;
    delete record[field];
    expect(() => parseEngineRecords(`[${recordJson()},${JSON.stringify(record)}]`))
      .toThrow(new TypeError(`record 1: ${field} must be a ${kind}`));
  });

  it.each([
    { field: 'position', raw: '"42"', message: 'record 0: position must be a number' },
    { field: 'intent', raw: '7', message: 'record 0: intent must be a string' },
    { field: 'value', raw: 'null', message: 'record 0: value must be an object' },
    { field: 'value', raw: '"x"', message: 'record 0: value must be an object' },
  ])('when $field is $raw, then the message names the field', ({ field, raw, message }) => {
    expect(() => parseEngineRecords(`[${recordJson({ [field]: raw })}]`)).toThrow(new TypeError(message));
  });

  it('when value is missing, then the message names it', () => {
    const record = JSON.parse(recordJson()) as Record<string, unknown>;
    delete record.value;
    expect(() => parseEngineRecords(`[${JSON.stringify(record)}]`)).toThrow(new TypeError('record 0: value must be an object'));
  });

  it('when key is missing, then the message names it', () => {
    const record = JSON.parse(recordJson()) as Record<string, unknown>;
    delete record.key;
    expect(() => parseEngineRecords(`[${JSON.stringify(record)}]`)).toThrow(/record 0: key/);
  });

  it('when the text is not JSON, then a SyntaxError is thrown', () => {
    expect(() => parseEngineRecords('[{')).toThrow(SyntaxError);
  });
});

describe('textOf', () => {
  const value = { elementId: 'find-resident', version: 3, processInstanceKey: PROCESS_INSTANCE_KEY };

  it.each([
    { field: 'elementId', expected: 'find-resident' },
    { field: 'version', expected: '3' },
    { field: 'processInstanceKey', expected: PROCESS_INSTANCE_KEY },
  ])('when $field is present, then its text is $expected', ({ field, expected }) => {
    expect(textOf(value, field)).toBe(expected);
  });

  it('when the field is missing, then the message names it', () => {
    expect(() => textOf(value, 'bpmnProcessId')).toThrow(new TypeError('record value field bpmnProcessId is missing'));
  });
});
