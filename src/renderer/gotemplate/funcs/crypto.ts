// sprig's cryptographic functions (Masterminds/sprig v3.2.2 crypto.go), on node:crypto.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { fn, FuncError, type FuncMap } from '../func-types.js';

const AES_BLOCK = 16;

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
 * checking the padding; a text shorter than one block makes Go panic.
 */
export function decryptAES(password: string, crypt64: string): string {
  const crypt = Buffer.from(crypt64, 'base64');
  if (crypt.length < AES_BLOCK) throw new FuncError('runtime error: slice bounds out of range');
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

export const cryptoFuncs: FuncMap = {
  encryptAES: fn(['string', 'string'], ([password, text]) => encryptAES(password as string, text as string)),
  decryptAES: fn(['string', 'string'], ([password, text]) => decryptAES(password as string, text as string)),
};
