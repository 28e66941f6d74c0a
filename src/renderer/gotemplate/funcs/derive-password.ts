// sprig's derivePassword (crypto.go): the Master Password algorithm (v3 of Maarten Billemont's scheme) —
// scrypt of the master password salted with the user name, an HMAC-SHA256 of the site and counter, and
// the seed's bytes choosing a template and then one character per template position.
import { createHmac, scryptSync } from 'node:crypto';

const SEED = 'com.lyndir.masterpassword';

const TEMPLATES: Record<string, readonly string[]> = {
  maximum: ['anoxxxxxxxxxxxxxxxxx', 'axxxxxxxxxxxxxxxxxno'],
  long: [
    'CvcvnoCvcvCvcv', 'CvcvCvcvnoCvcv', 'CvcvCvcvCvcvno', 'CvccnoCvcvCvcv', 'CvccCvcvnoCvcv', 'CvccCvcvCvcvno',
    'CvcvnoCvccCvcv', 'CvcvCvccnoCvcv', 'CvcvCvccCvcvno', 'CvcvnoCvcvCvcc', 'CvcvCvcvnoCvcc', 'CvcvCvcvCvccno',
    'CvccnoCvccCvcv', 'CvccCvccnoCvcv', 'CvccCvccCvcvno', 'CvcvnoCvccCvcc', 'CvcvCvccnoCvcc', 'CvcvCvccCvccno',
    'CvccnoCvcvCvcc', 'CvccCvcvnoCvcc', 'CvccCvcvCvccno',
  ],
  medium: ['CvcnoCvc', 'CvcCvcno'],
  short: ['Cvcn'],
  basic: ['aaanaaan', 'aannaaan', 'aaannaaa'],
  pin: ['nnnn'],
};

const CHARACTERS: Record<string, string> = {
  V: 'AEIOU',
  C: 'BCDFGHJKLMNPQRSTVWXYZ',
  v: 'aeiou',
  c: 'bcdfghjklmnpqrstvwxyz',
  A: 'AEIOUBCDFGHJKLMNPQRSTVWXYZ',
  a: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz',
  n: '0123456789',
  o: "@&%?,=[]_:-+*$#!'^~;()/.",
  x: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()',
};

// sprig's scrypt parameters: N=32768, r=8, p=2, a 64-byte key. That needs 128·N·r = 32 MiB, node's
// default ceiling exactly, which scrypt's own bookkeeping exceeds: allow twice as much.
const SCRYPT = { N: 32768, r: 8, p: 2, maxmem: 64 * 1024 * 1024 } as const;

/** A big-endian uint32 length, then the bytes: how the scheme frames the user name and the site. */
function framed(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(bytes.length);
  return Buffer.concat([len, bytes]);
}

/** The scrypt step costs ~0.2 s and 32 MiB; a chart deriving several sites' passwords for one user repeats it. */
let lastKey: { password: string; user: string; key: Buffer } | undefined;

function masterKey(password: string, user: string): Buffer {
  if (lastKey?.password !== password || lastKey.user !== user) {
    const key = scryptSync(Buffer.from(password, 'utf8'), Buffer.concat([Buffer.from(SEED), framed(user)]), 64, SCRYPT);
    lastKey = { password, user, key };
  }
  return lastKey.key;
}

/** derivePassword; `counter` is Go's uint32. An unknown template name is answered with sprig's message. */
export function derivePassword(counter: number, passwordType: string, password: string, user: string, site: string): string {
  const templates = Object.hasOwn(TEMPLATES, passwordType) ? TEMPLATES[passwordType] : undefined;
  if (templates === undefined) return `cannot find password template ${passwordType}`;
  const key = masterKey(password, user);
  const count = Buffer.alloc(4);
  count.writeUInt32BE(counter);
  const seed = createHmac('sha256', key)
    .update(Buffer.concat([Buffer.from(SEED), framed(site), count]))
    .digest();
  const template = templates[seed[0] % templates.length];
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const chars = CHARACTERS[template[i]];
    out += chars[seed[i + 1] % chars.length];
  }
  return out;
}
