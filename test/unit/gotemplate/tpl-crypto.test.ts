import { createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { tpl, TemplateError } from '../../../src/renderer/gotemplate/index.js';
import { tplError } from './tpl-support.js';
import { FuncError } from '../../../src/renderer/gotemplate/func-types.js';
import { certificateFuncs, SprigCertificate, type CertSources } from '../../../src/renderer/gotemplate/funcs/certificates.js';
import { parsePrivateKeyPem, type SignerKey } from '../../../src/renderer/gotemplate/funcs/crypto-keys.js';
import { bcryptWithSalt } from '../../../src/renderer/gotemplate/funcs/crypto.js';
import { childrenOf, readTlv, TAG, unsignedOf, valueOf } from '../../../src/renderer/gotemplate/funcs/der.js';

// Deterministic expectations (derivePassword, decryptAES of helm ciphertexts, bcrypt under helm's salts,
// certificates from fixed keys, serials and clocks, error messages) are what helm v3.10.1 gave for the
// same calls. Random results (fresh keys, salts, IVs) are checked for their structure.

interface Fixture {
  keys: Record<string, string>;
  calls: [string, string, unknown[]][];
  certs: Record<string, { Cert: string; Key: string }>;
}
const fixture = JSON.parse(readFileSync(new URL('./fixtures/sprig-crypto-helm.json', import.meta.url), 'utf8')) as Fixture;
const keys = fixture.keys;
const bcryptjs = createRequire(import.meta.url)('bcryptjs') as typeof import('bcryptjs');

function run(text: string, values: Record<string, unknown> = {}): string {
  return tpl(text, { Values: values });
}

function errorOf(text: string, values: Record<string, unknown> = {}): string {
  return tplError(text, { Values: values }).message;
}

const der = (pem: string): Buffer => Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s/g, ''), 'base64');
const pemType = (pem: string): string | undefined => /^-----BEGIN ([^-]+)-----\n/.exec(pem)?.[1];

/** The certificate's TBSCertificate DER: all but the signature, which ECDSA randomizes. */
function tbsOf(pem: string): string {
  const d = der(pem);
  const tbs = childrenOf(d, readTlv(d, 0))[0];
  return d.subarray(tbs.start, tbs.end).toString('hex');
}

const DAY = 86_400_000;

describe('derivePassword', () => {
  it.each<[string, string]>([
    ['{{ derivePassword 1 "long" "password" "user" "example.com" }}', 'ZedaFaxcZaso9*'],
    ['{{ derivePassword 1 "maximum" "password" "user" "example.com" }}', 'pf4zS1LjCg&LjhsZ7T2~'],
    ['{{ derivePassword 2 "medium" "pässwörd" "üser" "exämple.com" }}', 'FuqXex9$'],
    ['{{ derivePassword 0 "short" "" "" "" }}', 'Roz7'],
    ['{{ derivePassword 4294967295 "basic" "p" "u" "s" }}', 'jAL77fma'],
    ['{{ derivePassword 3 "pin" "master" "name" "site" }}', '0927'],
    ['{{ derivePassword 0 "pin" "master" "name" "site" }}', '0665'],
    // A constant past uint32 wraps, as reflect's SetUint does.
    ['{{ derivePassword 4294967296 "pin" "master" "name" "site" }}', '0665'],
    ['{{ derivePassword 4294967297 "pin" "master" "name" "site" }}', '6614'],
    ['{{ derivePassword 1 "long" "a:b" "日本語" "😀x" }}', 'ZatuKuwePeva5~'],
    ['{{ derivePassword 1 "nope" "p" "u" "s" }}', 'cannot find password template nope'],
    ['{{ derivePassword 1 "" "p" "u" "s" }}', 'cannot find password template '],
  ])('%s', (text, expected) => {
    expect(run(text)).toBe(expected);
  });
});

describe('encryptAES / decryptAES', () => {
  it.each<[string, string, string]>([
    ['secretkey', 'BwrQfHqgi5m/j/kRK8LgMBPIM37uX+lfcvO2zfddeaM=', 'plaintext'],
    ['', 'v1i2ysrbTkbNN8vNHtNXzajIlNhVqzEIrcsOv4Tg3z+Pytc0rVmX/SFquYzTIWuYlhWF3bNsoKFDLoHqrfdQWw==', 'hello world, sixteen+ bytes of text here'],
    ['a-very-long-password-longer-than-thirty-two-bytes!!', 'O3wWgLXxLvGbOEbo8T0/NF2XXA5K0bGP/yhFlKflB9RTQJDpStvsQV08YbQh26FS', 'ünïcødé 😀'],
    ['k', 'YuNaZMv6Ro09WB7vAktxyoPvB1lcyhXrbQrvWYxQk1kh1FbzpXjfDFl8J6WlFOeG', '0123456789abcdef'],
    // Go's base64 skips newlines anywhere.
    ['k', 'YuNaZMv6Ro09WB7v\nAktxyoPvB1lcyhXrbQrvWYxQk1kh1FbzpXjfDFl8J6WlFOeG', '0123456789abcdef'],
    ['k', '', ''],
  ])('decrypts helm ciphertext under %j', (password, crypt, plain) => {
    expect(run('{{ decryptAES .Values.p .Values.c }}', { p: password, c: crypt })).toBe(plain);
  });

  it('round-trips under a random IV; empty text stays empty', () => {
    const values = { p: 'pw', t: 'some text ü' };
    const a = run('{{ encryptAES .Values.p .Values.t }}', values);
    const b = run('{{ encryptAES .Values.p .Values.t }}', values);
    expect(a).not.toBe(b);
    expect(Buffer.from(a, 'base64')).toHaveLength(32);
    expect(run('{{ encryptAES .Values.p .Values.t | decryptAES .Values.p }}', values)).toBe(values.t);
    expect(run('{{ encryptAES "k" "" }}|')).toBe('|');
  });

  it.each<[string, string, string]>([
    ['wrong', 'BwrQfHqgi5m/j/kRK8LgMBPIM37uX+lfcvO2zfddeaM=', 'runtime error: slice bounds out of range [:-205]'],
    ['x', 'YuNaZMv6Ro09WB7vAktxyoPvB1lcyhXrbQrvWYxQk1kh1FbzpXjfDFl8J6WlFOeG', 'runtime error: slice bounds out of range [:-104]'],
    ['k', 'YuNaZMv6Ro09WB7vAktxyoPvB1lcyhXrbQrvWYxQk1kh1FbzpXjfDFl8J6WlFOeH', 'runtime error: slice bounds out of range [:-77]'],
    ['k', 'YuNaZMv6Ro09WB7vAktxyoPvB1lcyhXrbQrvWYxQk1k=', 'runtime error: slice bounds out of range [:-86]'],
    ['k', 'abc', 'illegal base64 data at input byte 0'],
    ['k', '!!!!', 'illegal base64 data at input byte 0'],
    ['k', 'YuNaZMv6Ro09WB7vAktxyoPvB1lcyhXrbQrvWYxQk1kh1FbzpXjfDFl8J6WlFOeG=', 'illegal base64 data at input byte 64'],
    ['k', 'YuNaZMv6Ro09WB7vAktxyoPvB1lcyhXrbQrvWYxQk1kh1FbzpXjfDFl8J6WlFOe', 'illegal base64 data at input byte 60'],
    ['k', 'YuNaZMv6Ro09WB7vAktxyoPvB1lcyhXrbQrvWYxQk1kh1FbzpXjfDFl8J6WlFOeG YQ==', 'illegal base64 data at input byte 64'],
    ['k', 'AAAA', 'runtime error: slice bounds out of range [:16] with capacity 3'],
    ['k', 'AAA=', 'runtime error: slice bounds out of range [:16] with capacity 3'],
    ['k', 'AA==\n\n\n\n\n', 'runtime error: slice bounds out of range [:16] with capacity 6'],
    ['k', '\n', 'runtime error: slice bounds out of range [:16] with capacity 0'],
    ['k', 'AAAAAAAAAAAAAAAAAAAAAA==', 'runtime error: index out of range [-1]'],
    ['k', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'crypto/cipher: input not full blocks'],
  ])('decryptAES %j %j fails as in helm', (password, crypt, message) => {
    expect(errorOf('{{ decryptAES .Values.p .Values.c }}', { p: password, c: crypt })).toBe(`error calling decryptAES: ${message}`);
  });
});

describe('bcrypt / htpasswd', () => {
  // helm's hashes: rehashing under helm's salt gives helm's hash.
  it.each<[string, string]>([
    ['password', '$2a$10$.MJR3ipaiaJG4OltgPt.quvhUKb4In.fn2uJVPu2hCXdQrsU9SLGW'],
    ['', '$2a$10$GP8R3OgTeXFxQgfSHmT/a.AkR5.76VZ6MSVZNxOvkvx9dYduFk0ju'],
    ['pässwörd😀', '$2a$10$uokGHuqoGztDnVeY9mXlpubBg9YB9JW4jgfMGCyhiGL9FkaS66A7W'],
    ['0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890', '$2a$10$he2zuM0SftwO8tQxVDZ5gOT9rkeZ6A5RnsOUkG5TqOVfzAoCPxWXi'],
    // Only the first 72 bytes count (x/crypto of May 2022 does not refuse longer passwords).
    ['01234567890123456789012345678901234567890123456789012345678901234567890X', '$2a$10$S5vaevUbanThV4tm45a.aejqnFN4JgGWglhjcn7Z2brPCbad6WC8.'],
    ['01234567890123456789012345678901234567890123456789012345678901234567890XYZ', '$2a$10$S5vaevUbanThV4tm45a.aejqnFN4JgGWglhjcn7Z2brPCbad6WC8.'],
    ['01234567890123456789012345678901234567890123456789012345678901234567890', '$2a$10$MXxYhk.R/bH8KnPj1vU66uY0kSGPVAIJvbLdI0gGPVivz3lG0Dx1y'],
    ['a\x00b', '$2a$10$uiuCbgMHtR9aFS8jr03fFeOWeh9rAKJDplI1n/pH7q..JeiZB4OQC'],
    ['é'.repeat(43), '$2a$10$Po4wzAK9voyX7xbUXF/v8O8ZV.aMxKcqR/RzFCTOwLbtBoWfgjM/i'],
  ])('helm hash of %j', (password, hash) => {
    expect(bcryptWithSalt(password, hash.slice(0, 29))).toBe(hash);
  });

  it('hashes at cost 10 with a $2a$ salt of its own', () => {
    const [a, b] = run('{{ bcrypt "password" }} {{ bcrypt "password" }}').split(' ');
    for (const h of [a, b]) {
      expect(h).toMatch(/^\$2a\$10\$[./A-Za-z0-9]{53}$/);
      expect(bcryptjs.compareSync('password', h)).toBe(true);
    }
    expect(a).not.toBe(b);
  });

  it('htpasswd writes user:<bcrypt> and refuses a colon in the name', () => {
    const line = run('{{ htpasswd "user" "pass" }}');
    expect(line).toMatch(/^user:\$2a\$10\$/);
    expect(bcryptjs.compareSync('pass', line.slice('user:'.length))).toBe(true);
    expect(run('{{ htpasswd "" "" }}')).toMatch(/^:\$2a\$10\$/);
    expect(run('{{ htpasswd "us:er" "pass" }}')).toBe('invalid username: us:er');
  });
});

describe('randBytes', () => {
  it('is base64 of n random bytes', () => {
    const [a, b] = run('{{ randBytes 24 }} {{ randBytes 24 }}').split(' ');
    expect(Buffer.from(a, 'base64')).toHaveLength(24);
    expect(Buffer.from(a, 'base64').toString('base64')).toBe(a);
    expect(a).not.toBe(b);
    expect(Buffer.from(run('{{ randBytes 5 }}'), 'base64')).toHaveLength(5);
    expect(run('{{ randBytes 0 }}|')).toBe('|');
  });

  it('fails on a negative count as in helm', () => {
    expect(errorOf('{{ randBytes -1 }}')).toBe('error calling randBytes: runtime error: makeslice: len out of range');
  });
});

describe('genPrivateKey', () => {
  let generated: Record<string, string>;
  beforeAll(() => {
    // RSA 4096 takes a second or so: each type is made once for the whole file.
    generated = JSON.parse(run('{{ dict "rsa" (genPrivateKey "rsa") "default" (genPrivateKey "") "dsa" (genPrivateKey "dsa") "ecdsa" (genPrivateKey "ecdsa") "ed25519" (genPrivateKey "ed25519") | toJson }}'));
  });

  it.each<[string, string, Partial<Record<string, unknown>>]>([
    ['rsa', 'RSA PRIVATE KEY', { type: 'rsa', modulusLength: 4096, publicExponent: 65537n }],
    ['default', 'RSA PRIVATE KEY', { type: 'rsa', modulusLength: 4096 }],
    ['ecdsa', 'EC PRIVATE KEY', { type: 'ec', namedCurve: 'prime256v1' }],
    ['ed25519', 'PRIVATE KEY', { type: 'ed25519' }],
  ])('%s: a %s block as Go writes it', (type, header, details) => {
    const pem = generated[type];
    expect(pemType(pem)).toBe(header);
    expect(pem).toMatch(/^-----BEGIN [A-Z ]+-----\n(?:[A-Za-z0-9+/=]{64}\n)*[A-Za-z0-9+/=]{1,64}\n-----END [A-Z ]+-----\n$/);
    const key = createPrivateKey(pem);
    expect({ type: key.asymmetricKeyType, ...key.asymmetricKeyDetails }).toMatchObject(details);
  });

  it('dsa: sprig\'s own SEQUENCE { 0, P, Q, G, Y, X } with L2048N256, and Y = G^X mod P', () => {
    const pem = generated.dsa;
    expect(pemType(pem)).toBe('DSA PRIVATE KEY');
    const d = der(pem);
    const ints = childrenOf(d, readTlv(d, 0));
    expect(ints.map((t) => t.tag)).toEqual(Array(6).fill(TAG.INTEGER));
    const [version, p, q, g, y, x] = ints.map((t) => unsignedOf(valueOf(d, t)));
    expect(version).toBe(0n);
    expect(p.toString(2)).toHaveLength(2048);
    expect(q.toString(2)).toHaveLength(256);
    expect((p - 1n) % q).toBe(0n);
    let acc = 1n;
    for (let base = g, e = x; e > 0n; e >>= 1n, base = (base * base) % p) if (e & 1n) acc = (acc * base) % p;
    expect(acc).toBe(y);
    // helm's DSA key has the same layout, and both read back as DSA keys.
    const helm = der(keys.dsa);
    expect(childrenOf(helm, readTlv(helm, 0)).map((t) => t.tag)).toEqual(Array(6).fill(TAG.INTEGER));
    expect(parsePrivateKeyPem(pem).kind).toBe('dsa');
    expect(parsePrivateKeyPem(keys.dsa).kind).toBe('dsa');
  });

  it.each([['foo'], ['RSA']])('unknown type %j answers with sprig\'s text', (type) => {
    expect(run(`{{ genPrivateKey "${type}" }}`)).toBe(`Unknown type ${type}`);
  });
});

/** Sources that make helm's certificate again: its clock reading, its serial, and the given key. */
function sourcesOf(helmCert: string, rsaKey?: string): CertSources {
  const c = new X509Certificate(helmCert);
  return {
    now: () => new Date(c.validFrom),
    serial: () => BigInt('0x' + c.serialNumber),
    rsaKey: () => {
      if (rsaKey === undefined) throw new Error('no key for this call');
      return parsePrivateKeyPem(rsaKey) as SignerKey;
    },
  };
}

const env = {} as Parameters<ReturnType<typeof certificateFuncs>[string]['fn']>[1];

describe('certificates: byte-for-byte as helm makes them from the same key, serial and clock', () => {
  const args = (raw: unknown[]): unknown[] =>
    raw.map((a) => {
      if (typeof a === 'number') return BigInt(a);
      if (typeof a === 'string' && a.startsWith('key:')) return keys[a.slice(4)];
      if (typeof a === 'string' && a.startsWith('cert:')) {
        const c = fixture.certs[a.slice(5)];
        return new SprigCertificate(c.Cert, c.Key);
      }
      return a;
    });

  it.each(fixture.calls)('%s = %s', (name, fn, raw) => {
    const helm = fixture.certs[name];
    const out = certificateFuncs(() => sourcesOf(helm.Cert))[fn].fn(args(raw), env);
    expect(out).toBeInstanceOf(SprigCertificate);
    const ours = out as SprigCertificate;
    expect(ours.Key).toBe(helm.Key);
    // RSA (PKCS#1 v1.5) and Ed25519 signatures are deterministic; ECDSA's are not.
    const signer = raw.find((a) => typeof a === 'string' && a.startsWith('cert:')) ?? raw[raw.length - 1];
    const signerKey = typeof signer === 'string' && signer.startsWith('cert:') ? fixture.certs[signer.slice(5)].Key : keys[String(signer).slice(4)];
    if (parsePrivateKeyPem(signerKey).kind === 'ecdsa') {
      expect(tbsOf(ours.Cert)).toBe(tbsOf(helm.Cert));
      expect(new X509Certificate(ours.Cert).verify(createPublicKey(signerKey))).toBe(true);
    } else {
      expect(ours.Cert).toBe(helm.Cert);
    }
  });

  it('genCA and genSelfSignedCert make the same certificate from the key they draw', () => {
    const helm = fixture.certs.ca;
    const ca = certificateFuncs(() => sourcesOf(helm.Cert, keys.rsa)).genCA.fn(['my-ca', 365n], env) as SprigCertificate;
    expect(ca.Cert).toBe(helm.Cert);
    expect(ca.Key).toBe(helm.Key);
    const signed = fixture.certs.s384;
    const byCa = certificateFuncs(() => sourcesOf(signed.Cert, keys.rsa8)).genSignedCert.fn(['my-ca', null, null, 1n, new SprigCertificate(fixture.certs.ca384.Cert, fixture.certs.ca384.Key)], env) as SprigCertificate;
    expect(tbsOf(byCa.Cert)).toBe(tbsOf(signed.Cert));
  });
});

describe('certificates: structure of fresh ones', () => {
  type Pair = { Cert: string; Key: string };
  let made: { ca: Pair; self: Pair; signed: Pair };
  let before: number;
  let after: number;
  beforeAll(() => {
    before = Date.now();
    const flat = JSON.parse(
      run(
        '{{ $ca := genCA "my-ca" 365 }}{{ $self := genSelfSignedCert "self.example" (list "10.1.2.3" "::1") (list "a.example" "b.example") 30 }}' +
          '{{ $signed := genSignedCert "svc" (list "192.168.0.1") (list "svc.ns.svc") 10 $ca }}' +
          '{{ dict "ca" $ca.Cert "caKey" $ca.Key "self" $self.Cert "selfKey" $self.Key "signed" $signed.Cert "signedKey" $signed.Key | toJson }}',
      ),
    ) as Record<string, string>;
    after = Date.now();
    made = {
      ca: { Cert: flat.ca, Key: flat.caKey },
      self: { Cert: flat.self, Key: flat.selfKey },
      signed: { Cert: flat.signed, Key: flat.signedKey },
    };
  });

  const parse = (pem: string): X509Certificate => new X509Certificate(pem);
  const keyOf = (pem: string): KeyObject => createPrivateKey(pem);

  it('PEM blocks as Go writes them: CERTIFICATE and a 2048-bit RSA PRIVATE KEY', () => {
    for (const { Cert, Key } of Object.values(made)) {
      expect(pemType(Cert)).toBe('CERTIFICATE');
      expect(pemType(Key)).toBe('RSA PRIVATE KEY');
      expect(Cert).toMatch(/\n-----END CERTIFICATE-----\n$/);
      expect(keyOf(Key).asymmetricKeyDetails?.modulusLength).toBe(2048);
      expect(parse(Cert).checkPrivateKey(keyOf(Key))).toBe(true);
    }
  });

  it('genCA: a self-signed CA with a 128-bit serial, valid from now for the given days', () => {
    const ca = parse(made.ca.Cert);
    expect(ca.subject).toBe('CN=my-ca');
    expect(ca.issuer).toBe('CN=my-ca');
    expect(ca.ca).toBe(true);
    expect(ca.verify(ca.publicKey)).toBe(true);
    expect(BigInt('0x' + ca.serialNumber)).toBeLessThan(1n << 128n);
    const from = Date.parse(ca.validFrom);
    expect(from).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(from).toBeLessThanOrEqual(after);
    expect(Date.parse(ca.validTo) - from).toBe(365 * DAY);
    expect(ca.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']);
    expect(ca.subjectAltName).toBeUndefined();
  });

  it('genSelfSignedCert: not a CA, SANs with DNS names first and IPs as Go writes them', () => {
    const c = parse(made.self.Cert);
    expect(c.subject).toBe('CN=self.example');
    expect(c.issuer).toBe('CN=self.example');
    expect(c.ca).toBe(false);
    expect(c.verify(c.publicKey)).toBe(true);
    expect(c.subjectAltName).toBe('DNS:a.example, DNS:b.example, IP Address:10.1.2.3, IP Address:0:0:0:0:0:0:0:1');
    expect(Date.parse(c.validTo) - Date.parse(c.validFrom)).toBe(30 * DAY);
  });

  it('genSignedCert: issued and signed by the CA, with its own key', () => {
    const c = parse(made.signed.Cert);
    const ca = parse(made.ca.Cert);
    expect(c.subject).toBe('CN=svc');
    expect(c.issuer).toBe('CN=my-ca');
    expect(c.ca).toBe(false);
    expect(c.checkIssued(ca)).toBe(true);
    expect(c.verify(ca.publicKey)).toBe(true);
    expect(c.verify(c.publicKey)).toBe(false);
    expect(made.signed.Key).not.toBe(made.ca.Key);
    expect(c.subjectAltName).toBe('DNS:svc.ns.svc, IP Address:192.168.0.1');
    expect(Date.parse(c.validTo) - Date.parse(c.validFrom)).toBe(10 * DAY);
  });

  it('the certificate prints as Go prints the struct, and buildCustomCert gives it back', () => {
    const values = { c: fixture.certs.caEd.Cert, k: keys.ed };
    expect(run('{{ buildCustomCert (b64enc .Values.c) (b64enc .Values.k) }}', values)).toBe(`{${values.c} ${values.k}}`);
    expect(run('{{ $c := buildCustomCert (b64enc .Values.c) (b64enc .Values.k) }}{{ eq $c.Cert .Values.c }} {{ eq $c.Key .Values.k }}', values)).toBe('true true');
  });

  it('signs with a certificate from buildCustomCert, with the CA key in any form sprig reads', () => {
    const values = { c: fixture.certs.ca384.Cert, k: keys.ec384 };
    const signed = run('{{ (genSignedCertWithKey "x" nil nil 1 (buildCustomCert (b64enc .Values.c) (b64enc .Values.k)) .Values.k).Cert }}', values);
    expect(parse(signed).verify(parse(values.c).publicKey)).toBe(true);
  });
});

describe('certificates: private keys in PEM as Go reads them', () => {
  const ec = keys.ec;
  const lines = ec.split('\n');
  it.each<[string, string]>([
    ['leading text', 'junk line\n' + ec],
    ['CRLF line ends', ec.replace(/\n/g, '\r\n')],
    ['a broken block before it', '-----BEGIN EC PRIVATE KEY-----\nbroken\n' + ec],
    ['headers', [lines[0], 'Proc-Type: 4,ENCRYPTED', 'DEK-Info: AES-128-CBC,00', '', ...lines.slice(1)].join('\n')],
    ['blanks after the END line', ec.slice(0, -1) + '   \n'],
  ])('reads past %s', (_what, pem) => {
    const out = run('{{ (genSelfSignedCertWithKey "x" nil nil 1 .Values.k).Key }}', { k: pem });
    expect(out).toBe(ec);
  });

  it.each<[string, string]>([
    ['blanks before BEGIN', '   ' + ec],
    ['a mangled END line', ec.replace('-----END EC', '-----END  EC')],
  ])('finds no PEM data with %s', (_what, pem) => {
    expect(errorOf('{{ genSelfSignedCertWithKey "x" nil nil 1 .Values.k }}', { k: pem })).toBe(
      'error calling genSelfSignedCertWithKey: parsing private key: no PEM data in input',
    );
  });
});

describe('certificates: IP SANs read as net.ParseIP reads them', () => {
  it('writes IPv4 (and IPv4-mapped IPv6) in 4 bytes, other IPv6 in 16', () => {
    const ips = ['::', '1::', '::1.2.3.4', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7::', '::ffff:10.0.0.1', '0.0.0.0', '255.255.255.255', 'ABCD:ef01::', '1:2:3:4:5:6:1.2.3.4', '::ffff:0:1.2.3.4', '0:0:0:0:0:ffff:1.2.3.4'];
    const cert = run('{{ (genSelfSignedCertWithKey "x" .Values.ips nil 1 .Values.k).Cert }}', { ips, k: keys.ed });
    expect(new X509Certificate(cert).subjectAltName).toBe(
      'IP Address:0:0:0:0:0:0:0:0, IP Address:1:0:0:0:0:0:0:0, IP Address:0:0:0:0:0:0:102:304, IP Address:1:2:3:4:5:6:7:8, IP Address:1:2:3:4:5:6:7:0, IP Address:10.0.0.1, IP Address:0.0.0.0, IP Address:255.255.255.255, IP Address:ABCD:EF01:0:0:0:0:0:0, IP Address:1:2:3:4:5:6:102:304, IP Address:0:0:0:0:FFFF:0:102:304, IP Address:1.2.3.4',
    );
  });

  it.each(['1:2:3:4:5:6:7:8:9', '1::2::3', ':1', '1:', '1.2.3.4.5', '256.1.1.1', '1:2:3:4:5:6:7:1.2.3.4', '::1.2.3', '12345::', '1:2:3:4:5:6:7:8::', '::1:2:3:4:5:6:7:8', '', '1.2.3.04'])(
    'refuses %j',
    (ip) => {
      expect(errorOf('{{ genSelfSignedCertWithKey "x" .Values.ips nil 1 .Values.k }}', { ips: [ip], k: keys.ed })).toBe(`error calling genSelfSignedCertWithKey: error parsing ip: ${ip}`);
    },
  );
});

describe('certificates: errors as in helm', () => {
  const values = { dsa: keys.dsa, k1: keys.k1, ed448: keys.ed448, x25519: keys.x25519, ed: keys.ed, caCert: fixture.certs.ca.Cert, caKey: fixture.certs.ca.Key };
  const ca = '(buildCustomCert (b64enc .Values.caCert) (b64enc .Values.caKey))';
  const mismatched = '(buildCustomCert (b64enc .Values.caCert) (b64enc .Values.ed))';
  it.each<[string, string]>([
    ['{{ genCAWithKey "x" 1 .Values.dsa }}', 'error calling genCAWithKey: error creating certificate: x509: certificate private key does not implement crypto.Signer'],
    [`{{ genSignedCertWithKey "x" nil nil 1 ${ca} .Values.dsa }}`, 'error calling genSignedCertWithKey: error creating certificate: x509: unsupported public key type: *dsa.PublicKey'],
    [`{{ genSignedCertWithKey "x" nil nil 1 ${mismatched} .Values.ed }}`, "error calling genSignedCertWithKey: error creating certificate: x509: provided PrivateKey doesn't match parent's PublicKey"],
    ['{{ genCAWithKey "x" 1 .Values.k1 }}', 'error calling genCAWithKey: parsing private key: parsing EC private key from PEM: x509: unknown elliptic curve'],
    ['{{ genCAWithKey "x" 1 .Values.ed448 }}', 'error calling genCAWithKey: parsing private key: decoding PEM as PKCS#8: x509: PKCS#8 wrapping contained private key with unknown algorithm: 1.3.101.113'],
    ['{{ genCAWithKey "x" 1 .Values.x25519 }}', 'error calling genCAWithKey: parsing private key: decoding PEM as PKCS#8: x509: PKCS#8 wrapping contained private key with unknown algorithm: 1.3.101.110'],
    ['{{ genCAWithKey "x" 1 "garbage" }}', 'error calling genCAWithKey: parsing private key: no PEM data in input'],
    ['{{ genCAWithKey "x" 1 "-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----\\n" }}', 'error calling genCAWithKey: parsing private key: no private key data in PEM block of type CERTIFICATE'],
    ['{{ genCAWithKey "x" 1 "-----BEGIN FOO KEY-----\\nAAAA\\n-----END FOO KEY-----\\n" }}', 'error calling genCAWithKey: parsing private key: no private key data in PEM block of type FOO KEY'],
    ['{{ genCAWithKey "x" 1 "-----BEGIN XX PRIVATE KEY-----\\nAAAA\\n-----END XX PRIVATE KEY-----\\n" }}', 'error calling genCAWithKey: parsing private key: invalid private key type XX PRIVATE KEY'],
    ['{{ genSelfSignedCert "x" (list "1.2.3") nil 1 }}', 'error calling genSelfSignedCert: error parsing ip: 1.2.3'],
    ['{{ genSelfSignedCert "x" (list 1) nil 1 }}', 'error calling genSelfSignedCert: error parsing ip: 1 is not a string'],
    ['{{ genSelfSignedCert "x" nil (list 1) 1 }}', 'error calling genSelfSignedCert: error processing alternate dns name: 1 is not a string'],
    ['{{ genSelfSignedCert "x" nil (list "é.example") 1 }}', 'error calling genSelfSignedCert: error creating certificate: x509: "é.example" cannot be encoded as an IA5String'],
    ['{{ genSelfSignedCert "x" (list "fe80::1%eth0") nil 1 }}', 'error calling genSelfSignedCert: error parsing ip: fe80::1%eth0'],
    ['{{ genSelfSignedCert "x" (list " 1.2.3.4") nil 1 }}', 'error calling genSelfSignedCert: error parsing ip:  1.2.3.4'],
    ['{{ genSelfSignedCert "x" (list "01.2.3.4") nil 1 }}', 'error calling genSelfSignedCert: error parsing ip: 01.2.3.4'],
    ['{{ genSelfSignedCert "x" (list "1.2.3.4" 5) (list 6) 1 }}', 'error calling genSelfSignedCert: error parsing ip: 5 is not a string'],
    ['{{ buildCustomCert "!!" "AAAA" }}', 'error calling buildCustomCert: unable to decode base64 certificate'],
    ['{{ buildCustomCert "AAAA" "!!" }}', 'error calling buildCustomCert: unable to decode base64 private key'],
    ['{{ buildCustomCert "AAAA" "AAAA" }}', 'error calling buildCustomCert: unable to decode certificate'],
    ['{{ buildCustomCert ("-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----\\n" | b64enc) "AAAA" }}', 'error calling buildCustomCert: error parsing certificate: decodedCert.Bytes: x509: malformed certificate'],
    ['{{ buildCustomCert (b64enc .Values.caCert) "AAAA" }}', 'error calling buildCustomCert: error parsing private key: no PEM data in input'],
  ])('%s', (text, message) => {
    expect(errorOf(text, values)).toBe(message);
  });

  it('an empty DNS name is accepted, as in helm', () => {
    expect(run('{{ (genSelfSignedCert "x" nil (list "") 1).Cert | len }}')).toMatch(/^\d+$/);
  });

  // Go checks these when converting the arguments, before the call; our evaluator's parameter types
  // cannot say []interface {}, sprig.certificate or uint32, so the function checks them and the message
  // carries the `error calling NAME:` prefix helm's does not.
  it.each<[string, string]>([
    ['{{ genSignedCert "x" nil nil 1 (dict "Cert" "a" "Key" "b") }}', 'wrong type for value; expected sprig.certificate; got map[string]interface {}'],
    ['{{ genSelfSignedCert "x" (dict) nil 1 }}', 'wrong type for value; expected []interface {}; got map[string]interface {}'],
    ['{{ derivePassword -1 "pin" "master" "name" "site" }}', 'expected unsigned integer; found -1'],
  ])('%s: helm\'s clause, after our prefix', (text, clause) => {
    expect(errorOf(text)).toMatch(new RegExp(`^error calling \\w+: ${clause.replace(/[[\]{}()]/g, '\\$&')}$`));
  });

  it('slow work counts against the output budget, so a tight one refuses it before it starts', () => {
    for (const text of ['{{ genCA "x" 1 }}', '{{ genPrivateKey "rsa" }}', '{{ bcrypt "x" }}', '{{ derivePassword 1 "pin" "m" "u" "s" }}']) {
      let error: unknown;
      try {
        tpl(text, { Values: {} }, { maxOutputBytes: 50_000 });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(TemplateError);
      expect((error as TemplateError).code).toBe('TEMPLATE_LIMIT');
    }
  });

  it('a FuncError is what the functions throw for Go errors', () => {
    expect(() => parsePrivateKeyPem('nothing')).toThrow(FuncError);
  });
});
