// Certificates as sprig v3.2.2 makes them (crypto.go getBaseCertTemplate, getCertAndKey) through Go
// 1.18's x509.CreateCertificate: the same fields, extensions in Go's order, Go's error messages.
// Keys and signatures come from node:crypto; the DER structure from @peculiar/asn1-x509, loaded on the
// first certificate (a synchronous require: template evaluation is synchronous, and most renders never
// make a certificate).
import { createHash, createPublicKey, randomBytes, sign, type KeyObject, type X509Certificate } from 'node:crypto';
import { createRequire } from 'node:module';
import { goQuote } from '../go-print.js';
import { FuncError } from '../func-types.js';
import type { SignerKey, SprigPrivateKey } from './crypto-keys.js';
import { childrenOf, oidText, readTlv, TAG, valueOf, type Tlv } from './der.js';

type X509Lib = typeof import('@peculiar/asn1-x509');
type SchemaLib = typeof import('@peculiar/asn1-schema');

let libs: { x509: X509Lib; schema: SchemaLib } | undefined;
function asn1(): { x509: X509Lib; schema: SchemaLib } {
  if (libs === undefined) {
    const load = createRequire(import.meta.url);
    libs = { x509: load('@peculiar/asn1-x509') as X509Lib, schema: load('@peculiar/asn1-schema') as SchemaLib };
  }
  return libs;
}

/** node:crypto's X509Certificate class, required when a certificate is read (the bundles take only
 * functions from node:crypto at load time). */
const x509Certificate = (): typeof X509Certificate => (createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')).X509Certificate;

/** What sprig's getBaseCertTemplate fills in, plus IsCA (genCA's override). */
export interface CertTemplate {
  commonName: string;
  /** IP SANs as x509 writes them (4 or 16 bytes). */
  ips: Uint8Array[];
  dnsNames: string[];
  serial: bigint;
  notBefore: Date;
  notAfter: Date;
  isCA: boolean;
}

/** The issuing certificate, as CreateCertificate reads it from the parsed parent. */
export interface ParentCert {
  rawSubject: Uint8Array;
  subjectKeyId?: Uint8Array;
  /** SubjectPublicKeyInfo DER; undefined when Go would not know the key type (then nothing is compared). */
  publicKey?: Uint8Array;
}

const OID = {
  commonName: '2.5.4.3',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  basicConstraints: '2.5.29.19',
  subjectKeyId: '2.5.29.14',
  authorityKeyId: '2.5.29.35',
  subjectAltName: '2.5.29.17',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  ecdsaWithSHA256: '1.2.840.10045.4.3.2',
  ecdsaWithSHA384: '1.2.840.10045.4.3.3',
  ecdsaWithSHA512: '1.2.840.10045.4.3.4',
  ed25519: '1.3.101.112',
} as const;

// x509.KeyUsage bits.
const KEY_USAGE_DIGITAL_SIGNATURE = 1;
const KEY_USAGE_KEY_ENCIPHERMENT = 4;
const KEY_USAGE_CERT_SIGN = 32;

/** Serial numbers: rand.Int below 2^128, as getBaseCertTemplate draws them. */
export const randomSerial = (): bigint => BigInt('0x' + randomBytes(16).toString('hex'));

/** time.Hour * 24 * time.Duration(days): int64 nanoseconds, which wrap around as Go's do. */
export function validityEnd(notBefore: Date, days: bigint): Date {
  const ns = BigInt(notBefore.getTime()) * 1_000_000n + BigInt.asIntN(64, 86_400_000_000_000n * days);
  // Floor to the millisecond (a certificate keeps whole seconds anyway).
  const ms = ns >= 0n ? ns / 1_000_000n : -((-ns + 999_999n) / 1_000_000n);
  return new Date(Number(ms));
}

/** Go's asn1 picks PrintableString when every character allows it (no '*' or '&'), else UTF8String. */
const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

/** The DER of x509's hash choice and signature AlgorithmIdentifier for a signing key (signingParamsForPublicKey). */
function signatureParams(key: SignerKey): { hash: string | null; algorithm: string; nullParams: boolean } {
  switch (key.kind) {
    case 'rsa':
      return { hash: 'sha256', algorithm: OID.sha256WithRSA, nullParams: true };
    case 'ed25519':
      return { hash: null, algorithm: OID.ed25519, nullParams: false };
    case 'ecdsa': {
      const curve = key.key.asymmetricKeyDetails?.namedCurve;
      if (curve === 'secp384r1') return { hash: 'sha384', algorithm: OID.ecdsaWithSHA384, nullParams: false };
      if (curve === 'secp521r1') return { hash: 'sha512', algorithm: OID.ecdsaWithSHA512, nullParams: false };
      // P-224 and P-256.
      return { hash: 'sha256', algorithm: OID.ecdsaWithSHA256, nullParams: false };
    }
  }
}

const spkiOf = (key: KeyObject): Buffer => createPublicKey(key).export({ format: 'der', type: 'spki' });

/** The subjectPublicKey BIT STRING's bytes (after the unused-bits byte): what the SubjectKeyId hashes. */
function publicKeyBits(spki: Buffer): Buffer {
  const bits = childrenOf(spki, readTlv(spki, 0))[1];
  return spki.subarray(bits.valueStart + 1, bits.end);
}

/** Go's marshalKeyUsage: bits in DER order, the BIT STRING cut after the last set bit. */
function keyUsageBitString(usage: number): { bytes: Uint8Array; unusedBits: number } {
  const reverse = (b: number): number => parseInt(b.toString(2).padStart(8, '0').split('').reverse().join(''), 2);
  const bytes = [reverse(usage & 0xff), reverse((usage >> 8) & 0xff)];
  const used = bytes[1] !== 0 ? bytes : bytes.slice(0, 1);
  const last = used[used.length - 1];
  let unusedBits = 0;
  while (unusedBits < 8 && (last & (1 << unusedBits)) === 0) unusedBits++;
  return { bytes: Uint8Array.from(used), unusedBits: unusedBits === 8 ? 0 : unusedBits };
}

/** An IP SAN's bytes as the text the library's GeneralName converter reads back into the same bytes. */
function ipText(ip: Uint8Array): string {
  if (ip.length === 4) return Array.from(ip).join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((ip[i] << 8) | ip[i + 1]).toString(16));
  return groups.join(':');
}

/** A DER INTEGER's content for a non-negative value: shortest form, a 0x00 lead when the top bit is set. */
function integerContent(n: bigint): ArrayBuffer {
  let hex = n.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  let bytes = Buffer.from(hex, 'hex');
  if (bytes[0] & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return new Uint8Array(bytes).buffer;
}

const toArrayBuffer = (b: Uint8Array): ArrayBuffer => new Uint8Array(b).buffer;

/**
 * x509.CreateCertificate of sprig's template for `signee` (its public key goes in), issued by `parent`
 * (undefined: self-signed) and signed with `signer`. Returns the certificate DER.
 */
export function createCertificate(template: CertTemplate, signee: SprigPrivateKey, parent: ParentCert | undefined, signer: SprigPrivateKey): Buffer {
  if (signer.kind === 'dsa') throw new FuncError('x509: certificate private key does not implement crypto.Signer');
  const params = signatureParams(signer);
  if (signee.kind === 'dsa') throw new FuncError('x509: unsupported public key type: *dsa.PublicKey');
  const { x509, schema } = asn1();
  const { AsnParser, AsnSerializer, OctetString } = schema;

  const spki = spkiOf(signee.key);
  const subject = new x509.Name(
    template.commonName === ''
      ? []
      : [
          new x509.RelativeDistinguishedName([
            new x509.AttributeTypeAndValue({
              type: OID.commonName,
              value: new x509.AttributeValue(PRINTABLE.test(template.commonName) ? { printableString: template.commonName } : { utf8String: template.commonName }),
            }),
          ]),
        ],
  );
  const subjectDer = Buffer.from(AsnSerializer.serialize(subject));
  const issuerDer = parent === undefined ? subjectDer : Buffer.from(parent.rawSubject);

  // The issuer's key id, when it is another certificate that has one.
  const authorityKeyId = !issuerDer.equals(subjectDer) && parent?.subjectKeyId?.length ? parent.subjectKeyId : undefined;
  // A CA gets RFC 5280 method 1: the SHA-1 of its public key bits.
  const subjectKeyId = template.isCA ? createHash('sha1').update(publicKeyBits(spki)).digest() : undefined;
  if (parent?.publicKey !== undefined && !spkiOf(signer.key).equals(Buffer.from(parent.publicKey))) {
    throw new FuncError("x509: provided PrivateKey doesn't match parent's PublicKey");
  }
  for (const name of template.dnsNames) {
    if (/[^\x00-\x7f]/.test(name)) throw new FuncError(`x509: ${goQuote(name)} cannot be encoded as an IA5String`);
  }

  const extension = (extnID: string, critical: boolean, value: unknown): InstanceType<X509Lib['Extension']> =>
    new x509.Extension({ extnID, critical, extnValue: new OctetString(AsnSerializer.serialize(value)) });
  const extensions = [];
  const usage = KEY_USAGE_DIGITAL_SIGNATURE | KEY_USAGE_KEY_ENCIPHERMENT | (template.isCA ? KEY_USAGE_CERT_SIGN : 0);
  const ku = keyUsageBitString(usage);
  extensions.push(extension(OID.keyUsage, true, new x509.KeyUsage(ku.bytes, ku.unusedBits)));
  extensions.push(extension(OID.extKeyUsage, false, new x509.ExtendedKeyUsage([OID.serverAuth, OID.clientAuth])));
  extensions.push(extension(OID.basicConstraints, true, new x509.BasicConstraints({ cA: template.isCA })));
  if (subjectKeyId !== undefined) extensions.push(extension(OID.subjectKeyId, false, new x509.SubjectKeyIdentifier(subjectKeyId)));
  if (authorityKeyId !== undefined) {
    extensions.push(extension(OID.authorityKeyId, false, new x509.AuthorityKeyIdentifier({ keyIdentifier: new x509.KeyIdentifier(authorityKeyId) })));
  }
  if (template.dnsNames.length > 0 || template.ips.length > 0) {
    const names = [...template.dnsNames.map((dNSName) => new x509.GeneralName({ dNSName })), ...template.ips.map((ip) => new x509.GeneralName({ iPAddress: ipText(ip) }))];
    // With an empty subject the SANs are the only names, and RFC 5280 makes them critical.
    extensions.push(extension(OID.subjectAltName, template.commonName === '', new x509.SubjectAlternativeName(names)));
  }

  const signatureAlgorithm = new x509.AlgorithmIdentifier({
    algorithm: params.algorithm,
    ...(params.nullParams ? { parameters: null } : {}),
  });
  const tbs = new x509.TBSCertificate({
    version: x509.Version.v3,
    serialNumber: integerContent(template.serial),
    signature: signatureAlgorithm,
    issuer: AsnParser.parse(issuerDer, x509.Name),
    validity: Object.assign(new x509.Validity(), { notBefore: goTime(x509, template.notBefore), notAfter: goTime(x509, template.notAfter) }),
    subject,
    subjectPublicKeyInfo: AsnParser.parse(spki, x509.SubjectPublicKeyInfo),
    extensions: new x509.Extensions(extensions),
  });
  const tbsDer = Buffer.from(AsnSerializer.serialize(tbs));
  const signature = sign(params.hash, tbsDer, signer.key);
  const cert = new x509.Certificate({ tbsCertificate: tbs, signatureAlgorithm, signatureValue: toArrayBuffer(signature) });
  return Buffer.from(AsnSerializer.serialize(cert));
}

/** encoding/asn1's time choice: UTCTime for 1950 to 2049, GeneralizedTime otherwise; whole seconds. */
function goTime(x509: X509Lib, d: Date): InstanceType<X509Lib['Time']> {
  const t = new Date(Math.floor(d.getTime() / 1000) * 1000);
  const year = t.getUTCFullYear();
  return new x509.Time(year >= 1950 && year < 2050 ? { utcTime: t } : { generalTime: t });
}

/** x509.ParseCertificate as far as sprig needs it: the raw subject, key id and public key of a CA. */
export function parseParentCert(der: Uint8Array): ParentCert {
  let parsed: X509Certificate;
  let fields: Tlv[];
  let top: Tlv;
  try {
    parsed = new (x509Certificate())(Buffer.from(der));
    top = readTlv(der, 0);
    fields = childrenOf(der, childrenOf(der, top)[0]);
  } catch {
    // Go's cryptobyte parser says where it stopped ("malformed tbs certificate", "malformed
    // validity" …); its first and most general message stands for all of them here.
    throw new FuncError('x509: malformed certificate');
  }
  if (top.end !== der.length) throw new FuncError('x509: trailing data');
  // version [0] is optional; then serial, signature, issuer, validity, subject, subjectPublicKeyInfo.
  const subject = fields[(fields[0].tag === 0xa0 ? 1 : 0) + 4];
  let publicKey: Uint8Array | undefined;
  try {
    publicKey = parsed.publicKey.export({ format: 'der', type: 'spki' });
  } catch {
    publicKey = undefined;
  }
  return { rawSubject: der.subarray(subject.start, subject.end), subjectKeyId: subjectKeyIdOf(der, fields), publicKey };
}

function subjectKeyIdOf(der: Uint8Array, fields: Tlv[]): Uint8Array | undefined {
  const extensions = fields.find((t) => t.tag === 0xa3);
  if (extensions === undefined) return undefined;
  for (const ext of childrenOf(der, readTlv(der, extensions.valueStart, extensions.end))) {
    const parts = childrenOf(der, ext);
    if (parts[0]?.tag !== TAG.OID || oidText(valueOf(der, parts[0])) !== OID.subjectKeyId) continue;
    const wrapped = parts[parts.length - 1];
    const inner = readTlv(der, wrapped.valueStart, wrapped.end);
    return inner.tag === TAG.OCTET_STRING ? valueOf(der, inner) : undefined;
  }
  return undefined;
}
