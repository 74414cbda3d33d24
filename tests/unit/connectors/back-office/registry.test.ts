import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { readCredentialFrom } from '../../../../connectors/back-office/credentials.ts';
import { BACK_OFFICE_OPERATIONS, type BackOfficePort } from '../../../../connectors/back-office/port.ts';
import {
  UnknownBackOfficeError, createBackOfficeRegistry, type BackOfficeAdapterFactory, type BackOfficeEndpoint,
} from '../../../../connectors/back-office/registry.ts';

function registryWith(adapters: Record<string, BackOfficeAdapterFactory>, readCredential: (ref: string) => string | undefined) {
  return createBackOfficeRegistry({
    adapters, readCredential, timeoutMs: 1_000, breaker: { failuresToOpen: 3, openForMs: 1_000 }, logger: pino({ level: 'silent' }),
  });
}

const CREDENTIALS: Record<string, string> = { AARAU_DIALOG_KEY: 'sk-aarau-4001-secret', BADEN_DIALOG_KEY: 'sk-baden-4021-secret' };
const aarau: BackOfficeEndpoint = { vendor: 'dialog', url: 'https://dialog.aarau.test', credentialRef: 'AARAU_DIALOG_KEY' };

function recordingFactory(vendor: string) {
  const calls: { url: string; credential: string }[] = [];
  const factory: BackOfficeAdapterFactory = (options) => {
    calls.push({ url: String(options.baseUrl), credential: options.credential });
    const notUsed = async () => { throw new Error('not used in these tests'); };
    return Object.fromEntries([['vendor', vendor], ...BACK_OFFICE_OPERATIONS.map((operation) => [operation, notUsed])]) as BackOfficePort;
  };
  return { factory, calls };
}

function thrownBy(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected the action to throw an Error');
}

describe('createBackOfficeRegistry', () => {
  it('when an endpoint is asked for, then the factory receives its url and the credential read through the reader', () => {
    const dialog = recordingFactory('dialog');
    const asked: string[] = [];
    const registry = registryWith({ dialog: dialog.factory }, (ref) => {
      asked.push(ref);
      return CREDENTIALS[ref];
    });

    const adapter = registry.forEndpoint(aarau);

    expect(adapter.vendor).toBe('dialog');
    expect(asked).toEqual(['AARAU_DIALOG_KEY']);
    expect(dialog.calls).toEqual([{ url: 'https://dialog.aarau.test', credential: 'sk-aarau-4001-secret' }]);
  });

  it('when the same endpoint is asked for again, then the same adapter instance is returned without a new factory call', () => {
    const dialog = recordingFactory('dialog');
    const registry = registryWith({ dialog: dialog.factory }, (ref) => CREDENTIALS[ref]);

    const first = registry.forEndpoint(aarau);
    expect(registry.forEndpoint({ ...aarau })).toBe(first);
    expect(dialog.calls).toHaveLength(1);
  });

  it.each([
    { change: 'url', endpoint: { ...aarau, url: 'https://dialog.baden.test' } },
    { change: 'credential', endpoint: { ...aarau, credentialRef: 'BADEN_DIALOG_KEY' } },
    { change: 'vendor', endpoint: { ...aarau, vendor: 'talus' } },
  ])('when the endpoint differs in its $change, then a separate adapter is created', ({ endpoint }) => {
    const dialog = recordingFactory('dialog');
    const talus = recordingFactory('talus');
    const registry = registryWith({ dialog: dialog.factory, talus: talus.factory }, (ref) => CREDENTIALS[ref]);

    const first = registry.forEndpoint(aarau);
    const second = registry.forEndpoint(endpoint);
    expect(second).not.toBe(first);
    expect(dialog.calls.length + talus.calls.length).toBe(2);
  });

  it.each(['hurlimann', 'Dialog', ''])('when the vendor "%s" has no factory, then UnknownBackOfficeError names the vendor', (vendor) => {
    const dialog = recordingFactory('dialog');
    const registry = registryWith({ dialog: dialog.factory }, (ref) => CREDENTIALS[ref]);

    const error = thrownBy(() => registry.forEndpoint({ ...aarau, vendor }));
    expect(error).toBeInstanceOf(UnknownBackOfficeError);
    expect(error.message).toBe(`no adapter for back-office vendor "${vendor}"`);
    expect(dialog.calls).toEqual([]);
  });

  it.each([
    { situation: 'is not set', value: undefined },
    { situation: 'is empty', value: '' },
  ])('when the credential $situation, then UnknownBackOfficeError names its reference', ({ value }) => {
    const dialog = recordingFactory('dialog');
    const registry = registryWith({ dialog: dialog.factory }, () => value);

    const error = thrownBy(() => registry.forEndpoint(aarau));
    expect(error).toBeInstanceOf(UnknownBackOfficeError);
    expect(error.message).toBe('credential AARAU_DIALOG_KEY is not set');
    expect(dialog.calls).toEqual([]);
  });

  it('when an endpoint is refused, then no error message carries a credential value', () => {
    const registry = registryWith({ dialog: recordingFactory('dialog').factory }, (ref) => CREDENTIALS[ref]);
    const messages = [
      thrownBy(() => registry.forEndpoint({ ...aarau, vendor: 'vemag' })).message,
      thrownBy(() => registry.forEndpoint({ ...aarau, credentialRef: 'OLTEN_DIALOG_KEY' })).message,
    ];
    for (const message of messages) {
      for (const secret of Object.values(CREDENTIALS)) expect(message).not.toContain(secret);
    }
  });

  it('when a credential was missing and is set later, then the next request creates the adapter', () => {
    const dialog = recordingFactory('dialog');
    const store: Record<string, string> = {};
    const registry = registryWith({ dialog: dialog.factory }, (ref) => store[ref]);

    expect(() => registry.forEndpoint(aarau)).toThrow(UnknownBackOfficeError);
    store.AARAU_DIALOG_KEY = 'sk-late';
    expect(registry.forEndpoint(aarau).vendor).toBe('dialog');
    expect(dialog.calls).toEqual([{ url: 'https://dialog.aarau.test', credential: 'sk-late' }]);
  });

  it('when credentials come from the environment, then the variable named by the reference is read', () => {
    const dialog = recordingFactory('dialog');
    const ref = 'UNIT_TEST_REGISTRY_DIALOG_KEY';
    process.env[ref] = 'sk-from-env';
    try {
      registryWith({ dialog: dialog.factory }, readCredentialFrom(process.env)).forEndpoint({ ...aarau, credentialRef: ref });
    } finally {
      delete process.env[ref];
    }
    expect(dialog.calls).toEqual([{ url: 'https://dialog.aarau.test', credential: 'sk-from-env' }]);
  });

  // Lookups must not find members of Object.prototype.
  it.each(['constructor', 'toString', '__proto__'])('when the vendor "%s" has no factory, then UnknownBackOfficeError is thrown', (vendor) => {
    const registry = registryWith({ dialog: recordingFactory('dialog').factory }, (ref) => CREDENTIALS[ref]);
    expect(() => registry.forEndpoint({ ...aarau, vendor })).toThrow(UnknownBackOfficeError);
  });
});

describe('readCredentialFrom', () => {
  it('when the variable is set, then it wins; otherwise the file named by <ref>_FILE is read and trimmed', () => {
    const files: Record<string, string> = { '/run/secrets/talus': '  client:secret\n' };
    const read = readCredentialFrom({ A: 'direct', A_FILE: '/run/secrets/talus', B_FILE: '/run/secrets/talus', C: '' }, (path) => files[path] ?? '');
    expect(read('A')).toBe('direct');
    expect(read('B')).toBe('client:secret');
    expect(read('C')).toBeUndefined();
    expect(read('D')).toBeUndefined();
  });
});
