import { type Algorithm, hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): about 30 ms per hash on our machines.
// Algorithm.Argon2id is an ambient const enum, which type stripping cannot read: its value is 2.
const ARGON2ID = 2 as Algorithm;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** ACC-2: passwords are kept only as argon2id hashes (PHC string with salt and parameters). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/**
 * Whether the password matches the stored hash. Without a stored hash (unknown address) a dummy
 * hash is verified anyway, so that the answer takes as long as for a known address.
 */
export async function verifyPassword(stored: string | undefined, password: string): Promise<boolean> {
  dummyHash ??= hashPassword('dummy-password-for-timing-1A');
  const target = stored ?? await dummyHash;
  try {
    const matches = await verify(target, password);
    return stored !== undefined && matches;
  } catch {
    return false;
  }
}
