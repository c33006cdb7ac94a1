import { randomBytes } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** Adds Salesforce's 3-character case-safe suffix to a 15-character id. */
export function to18(id15: string): string {
  if (id15.length !== 15) throw new Error(`Salesforce id '${id15}' must have 15 characters to be extended`);
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15[chunk * 5 + i]!;
      if (c >= 'A' && c <= 'Z') bits |= 1 << i;
    }
    suffix += CHECKSUM_ALPHABET[bits];
  }
  return id15 + suffix;
}

/** True when `id` is a well-formed 18-character id whose suffix matches its first 15 characters. */
export function isValid18(id: string): boolean {
  return /^[0-9A-Za-z]{18}$/.test(id) && to18(id.slice(0, 15)) === id;
}

/** Mints ids that look like one Salesforce instance's: key prefix, pod, reserved digit, base62 counter. */
export class IdFactory {
  // A random start keeps ids of two emulator runs apart, as ids of two real orgs are.
  private counter = randomBytes(4).readUInt32BE(0) % 50_000_000;

  /** A new 18-character id with the given 3-character key prefix (`0Af` deploy, `00D` org, ...). */
  next(keyPrefix: string): string {
    this.counter += 1 + (this.counter % 7);
    let n = this.counter;
    let counter = '';
    for (let i = 0; i < 9; i++) {
      counter = BASE62[n % 62] + counter;
      n = Math.floor(n / 62);
    }
    if (keyPrefix.length !== 3) throw new Error(`Key prefix '${keyPrefix}' must have 3 characters`);
    return to18(`${keyPrefix}Hs0${counter}`);
  }
}

/** Random URL-safe characters without `.`, so that jsforce never mistakes a session id for a JWT. */
export function opaqueToken(bytes: number): string {
  return randomBytes(bytes).toString('base64').replace(/\+/g, 'x').replace(/\//g, '_').replace(/=+$/, '');
}
