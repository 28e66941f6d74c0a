// sprig's cryptographic functions (Masterminds/sprig v3.2.2 crypto.go), on node:crypto: AES, bcrypt,
// htpasswd, randBytes, derivePassword and genPrivateKey here; the certificate functions in
// ./certificates.ts. Randomness is node:crypto's CSPRNG, as sprig's is crypto/rand.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { fn, FuncError, type FuncMap } from '../func-types.js';
import { certificateFuncs, defaultRsaKey } from './certificates.js';
import { generatePrivateKey } from './crypto-keys.js';
import { derivePassword } from './derive-password.js';
import { goBase64DecodeString } from './go-base64.js';
import { randomSerial } from './x509.js';

const AES_BLOCK = 16;

/**
 * Slow work is charged against the template's output budget, as repeat and until charge theirs: about one
 * unit per microsecond it takes here, so the default budget (10 MiB) bounds what one render can spend on
 * keys and hashes to seconds, and a tight budget refuses them before they start.
 */
export const WORK = {
  rsa2048: 300_000,
  rsa4096: 1_500_000,
  dsa: 300_000,
  ecOrEd: 1_000,
  scrypt: 200_000,
  bcrypt: 100_000,
} as const;

const KEY_WORK: Record<string, number> = { '': WORK.rsa4096, rsa: WORK.rsa4096, dsa: WORK.dsa, ecdsa: WORK.ecOrEd, ed25519: WORK.ecOrEd };

/** sprig's AES key: the password's bytes, cut or zero-padded to 32 (AES-256). */
function aesKey(password: string): Buffer {
  const key = Buffer.alloc(32);
  Buffer.from(password, 'utf8').copy(key, 0, 0, 32);
  return key;
}

/** encryptAES: PKCS#7-padded AES-256-CBC under a random IV, IV first, base64. Empty text stays empty. */
export function encryptAES(password: string, plaintext: string): string {
  if (plaintext === '') return '';
  const iv = randomBytes(AES_BLOCK);
  const cipher = createCipheriv('aes-256-cbc', aesKey(password), iv);
  return Buffer.concat([iv, cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
}

/**
 * decryptAES: the reverse of encryptAES. Go removes as many bytes as the last byte says without
 * checking the padding; its panics on short or ill-padded input surface as the call's error.
 */
export function decryptAES(password: string, crypt64: string): string {
  if (crypt64 === '') return '';
  const decoded = goBase64DecodeString(crypt64);
  if (decoded.error !== undefined) throw new FuncError(decoded.error);
  const crypt = decoded.bytes;
  // crypt[:aes.BlockSize] on a shorter slice: Go names the slice's capacity (what DecodeString allocated).
  if (crypt.length < AES_BLOCK) throw new FuncError(`runtime error: slice bounds out of range [:${AES_BLOCK}] with capacity ${decoded.capacity}`);
  const body = crypt.subarray(AES_BLOCK);
  if (body.length % AES_BLOCK !== 0) throw new FuncError('crypto/cipher: input not full blocks');
  if (body.length === 0) throw new FuncError('runtime error: index out of range [-1]');
  const decipher = createDecipheriv('aes-256-cbc', aesKey(password), crypt.subarray(0, AES_BLOCK));
  decipher.setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(body), decipher.final()]);
  const pad = plain[plain.length - 1];
  if (pad > plain.length) throw new FuncError(`runtime error: slice bounds out of range [:${plain.length - pad}]`);
  return plain.subarray(0, plain.length - pad).toString('utf8');
}

type Bcrypt = typeof import('bcryptjs');
let bcryptLib: Bcrypt | undefined;
/** bcryptjs is loaded on the first bcrypt or htpasswd call (a synchronous require, as for re2js). */
const bcryptjs = (): Bcrypt => (bcryptLib ??= createRequire(import.meta.url)('bcryptjs') as Bcrypt);

const BCRYPT_DEFAULT_COST = 10;

/** bcrypt of `password` under a given `$2a$NN$<22 chars>` salt (tests reproduce helm's hashes with it). */
export const bcryptWithSalt = (password: string, salt: string): string => bcryptjs().hashSync(password, salt);

/**
 * golang.org/x/crypto/bcrypt GenerateFromPassword at DefaultCost: a `$2a$10$` hash (bcryptjs writes
 * `$2b$` salts; the two differ only past 255 bytes, and both read 72 at most, as the pinned Go does).
 */
export function bcrypt(password: string): string {
  const salt = bcryptjs().genSaltSync(BCRYPT_DEFAULT_COST).replace(/^\$2b\$/, '$2a$');
  return bcryptWithSalt(password, salt);
}

/** htpasswd: `user:<bcrypt>`; a ':' in the name is answered with sprig's message, not an error. */
export function htpasswd(username: string, password: string): string {
  if (username.includes(':')) return `invalid username: ${username}`;
  return `${username}:${bcrypt(password)}`;
}

/** randBytes: base64 of `count` bytes from the CSPRNG; a negative count is Go's makeslice panic. */
export function randBytes(count: bigint, charge: (units: number) => void): string {
  if (count < 0n) throw new FuncError('runtime error: makeslice: len out of range');
  // The text is 4/3 as long as the bytes: charge it before making it, as repeat does.
  charge(Number(count) * 4 / 3);
  return randomBytes(Number(count)).toString('base64');
}

/** Go's uint32 parameter from an integer constant: a negative one is refused, a large one wraps (SetUint). */
function uint32Arg(v: bigint): number {
  if (v < 0n) throw new FuncError(`expected unsigned integer; found ${v}`);
  return Number(BigInt.asUintN(32, v));
}

const s = (v: unknown): string => v as string;

export const cryptoFuncs: FuncMap = {
  encryptAES: fn(['string', 'string'], ([password, text]) => encryptAES(s(password), s(text))),
  decryptAES: fn(['string', 'string'], ([password, text]) => decryptAES(s(password), s(text))),
  bcrypt: fn(['string'], ([password], env) => {
    env.charge(WORK.bcrypt);
    return bcrypt(s(password));
  }),
  htpasswd: fn(['string', 'string'], ([user, password], env) => {
    env.charge(WORK.bcrypt);
    return htpasswd(s(user), s(password));
  }),
  randBytes: fn(['int'], ([count], env) => randBytes(count as bigint, (n) => env.charge(n))),
  derivePassword: fn(['int', 'string', 'string', 'string', 'string'], ([counter, type, password, user, site], env) => {
    const count = uint32Arg(counter as bigint);
    env.charge(WORK.scrypt);
    return derivePassword(count, s(type), s(password), s(user), s(site));
  }),
  genPrivateKey: fn(['string'], ([type], env) => {
    env.charge(Object.hasOwn(KEY_WORK, s(type)) ? KEY_WORK[s(type)] : 0);
    return generatePrivateKey(s(type));
  }),
  ...certificateFuncs((env) => ({
    now: () => env.now(),
    serial: randomSerial,
    rsaKey: () => {
      env.charge(WORK.rsa2048);
      return defaultRsaKey();
    },
  })),
};
