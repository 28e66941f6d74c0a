// Private keys as sprig v3.2.2 makes and reads them (crypto.go generatePrivateKey, pemBlockForKey,
// parsePrivateKeyPEM), on node:crypto. Go's x509 marshalling of RSA (PKCS#1), EC (SEC 1) and Ed25519
// (PKCS#8) keys is byte-for-byte what node:crypto exports, so only sprig's own DSA layout is built here.
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { FuncError } from '../func-types.js';
import { childrenOf, DerError, encodeSequence, encodeUnsigned, oidText, readTlv, TAG, unsignedOf, valueOf, type Tlv } from './der.js';
import { pemDecode, pemEncode } from './go-pem.js';

/** A key Go's x509 can sign with (crypto.Signer) … */
export interface SignerKey {
  kind: 'rsa' | 'ecdsa' | 'ed25519';
  key: KeyObject;
}
/** … or a DSA key, which sprig reads and writes but x509 can neither sign with nor certify. */
export interface DsaKey {
  kind: 'dsa';
}
export type SprigPrivateKey = SignerKey | DsaKey;

const OID_RSA = '1.2.840.113549.1.1.1';
const OID_EC = '1.2.840.10045.2.1';
const OID_ED25519 = '1.3.101.112';
/** The curves Go 1.18's x509 knows: P-224, P-256, P-384, P-521. */
const GO_CURVES = new Set(['1.3.132.0.33', '1.2.840.10045.3.1.7', '1.3.132.0.34', '1.3.132.0.35']);

/** sprig's DSAKeyFormat: SEQUENCE { version 0, P, Q, G, Y, X }, under "DSA PRIVATE KEY". */
function generateDsaPem(): string {
  // Go's dsa.L2048N256: a 2048-bit P and a 256-bit Q.
  const { privateKey, publicKey } = generateKeyPairSync('dsa', { modulusLength: 2048, divisorLength: 256 });
  // PKCS#8: SEQUENCE { version, AlgorithmIdentifier { dsa, Dss-Parms { P, Q, G } }, OCTET STRING { INTEGER X } }
  const p8 = privateKey.export({ format: 'der', type: 'pkcs8' });
  const [, algorithm, wrapped] = childrenOf(p8, readTlv(p8, 0));
  const [p, q, g] = childrenOf(p8, childrenOf(p8, algorithm)[1]).map((t) => valueOf(p8, t));
  const x = valueOf(p8, readTlv(p8, wrapped.valueStart));
  // SubjectPublicKeyInfo: SEQUENCE { AlgorithmIdentifier, BIT STRING { 0 unused bits, INTEGER Y } }
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  const bits = childrenOf(spki, readTlv(spki, 0))[1];
  const y = valueOf(spki, readTlv(spki, bits.valueStart + 1));
  const der = encodeSequence([0n, ...[p, q, g, y, x].map(unsignedOf)].map(encodeUnsigned));
  return pemEncode('DSA PRIVATE KEY', der);
}

/** genPrivateKey: a new key as PEM; an unknown type is answered with sprig's message, not an error. */
export function generatePrivateKey(type: string): string {
  switch (type) {
    case '':
    case 'rsa':
      return generateKeyPairSync('rsa', { modulusLength: 4096 }).privateKey.export({ format: 'pem', type: 'pkcs1' }) as string;
    case 'dsa':
      return generateDsaPem();
    case 'ecdsa':
      return generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'sec1' }) as string;
    case 'ed25519':
      return generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
    default:
      return 'Unknown type ' + type;
  }
}

/** pemBlockForKey: RSA as PKCS#1, EC as SEC 1, Ed25519 as PKCS#8, whatever form the key was read from. */
export function pemForKey(k: SignerKey): string {
  switch (k.kind) {
    case 'rsa':
      return k.key.export({ format: 'pem', type: 'pkcs1' }) as string;
    case 'ecdsa':
      return k.key.export({ format: 'pem', type: 'sec1' }) as string;
    case 'ed25519':
      return k.key.export({ format: 'pem', type: 'pkcs8' }) as string;
  }
}

// Go reports a malformed structure with encoding/asn1's detailed wording (tags, offsets, field names),
// which is not reproduced: the message keeps Go's prefixes and ends in this general clause.
const MALFORMED = 'asn1: structure error: malformed DER';

/** Run `f`; a Go error it raises gets sprig's prefix, as fmt.Errorf("prefix: %s", err) gives. */
export function withPrefix<T>(prefix: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof FuncError) throw new FuncError(`${prefix}: ${e.message}`);
    throw e;
  }
}

/** The top-level SEQUENCE's elements, or undefined when the bytes are not one. */
function sequenceOf(der: Buffer): Tlv[] | undefined {
  try {
    const top = readTlv(der, 0);
    return top.tag === TAG.SEQUENCE ? childrenOf(der, top) : undefined;
  } catch (e) {
    if (e instanceof DerError) return undefined;
    throw e;
  }
}

const looksLikeEc = (items: Tlv[] | undefined): boolean => items !== undefined && items[0]?.tag === TAG.INTEGER && items[1]?.tag === TAG.OCTET_STRING;
const looksLikePkcs8 = (items: Tlv[] | undefined): boolean =>
  items !== undefined && items[0]?.tag === TAG.INTEGER && items[1]?.tag === TAG.SEQUENCE && items[2]?.tag === TAG.OCTET_STRING;

function parsePkcs1(der: Buffer): SignerKey {
  const items = sequenceOf(der);
  if (items !== undefined && readTlv(der, 0).end < der.length) throw new FuncError('asn1: syntax error: trailing data');
  try {
    return { kind: 'rsa', key: createPrivateKey({ key: der, format: 'der', type: 'pkcs1' }) };
  } catch {
    // Go names the format the bytes seem to be in.
    if (looksLikeEc(items)) throw new FuncError('x509: failed to parse private key (use ParseECPrivateKey instead for this key format)');
    if (looksLikePkcs8(items)) throw new FuncError('x509: failed to parse private key (use ParsePKCS8PrivateKey instead for this key format)');
    throw new FuncError(MALFORMED);
  }
}

/** The named curve of a SEC 1 ECPrivateKey ([0] parameters), if it has one. */
function sec1Curve(der: Buffer, items: Tlv[]): string | undefined {
  const params = items.find((t) => t.tag === 0xa0);
  if (params === undefined) return undefined;
  const oid = readTlv(der, params.valueStart, params.end);
  return oid.tag === TAG.OID ? oidText(valueOf(der, oid)) : undefined;
}

/** x509.ParseECPrivateKey, or the EC key inside PKCS#8 when `curve` comes from its AlgorithmIdentifier. */
function parseSec1(der: Buffer, curve?: string): SignerKey {
  const items = sequenceOf(der);
  if (!looksLikeEc(items)) throw new FuncError(`x509: failed to parse EC private key: ${MALFORMED}`);
  const version = unsignedOf(valueOf(der, (items as Tlv[])[0]));
  if (version !== 1n) throw new FuncError(`x509: unknown EC private key version ${version}`);
  const named = curve ?? sec1Curve(der, items as Tlv[]);
  if (named === undefined || !GO_CURVES.has(named)) throw new FuncError('x509: unknown elliptic curve');
  try {
    return { kind: 'ecdsa', key: createPrivateKey({ key: der, format: 'der', type: 'sec1' }) };
  } catch {
    throw new FuncError('x509: invalid elliptic curve private key value');
  }
}

function parsePkcs8(der: Buffer): SignerKey {
  const items = sequenceOf(der);
  if (!looksLikePkcs8(items)) {
    if (looksLikeEc(items)) throw new FuncError('x509: failed to parse private key (use ParseECPrivateKey instead for this key format)');
    if (items !== undefined && items.length >= 9 && items.every((t) => t.tag === TAG.INTEGER)) {
      throw new FuncError('x509: failed to parse private key (use ParsePKCS1PrivateKey instead for this key format)');
    }
    throw new FuncError(MALFORMED);
  }
  const [, algorithm, wrapped] = items as Tlv[];
  const [oidTlv, params] = childrenOf(der, algorithm);
  const oid = oidTlv?.tag === TAG.OID ? oidText(valueOf(der, oidTlv)) : '';
  const inner = Buffer.from(valueOf(der, wrapped));
  const load = (kind: SignerKey['kind']): SignerKey => ({ kind, key: createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }) });
  switch (oid) {
    case OID_RSA:
      withPrefix('x509: failed to parse RSA private key embedded in PKCS#8', () => parsePkcs1(inner));
      return load('rsa');
    case OID_EC: {
      const curve = params?.tag === TAG.OID ? oidText(valueOf(der, params)) : undefined;
      withPrefix('x509: failed to parse EC private key embedded in PKCS#8', () => parseSec1(inner, curve));
      return load('ecdsa');
    }
    case OID_ED25519: {
      if (params !== undefined) throw new FuncError('x509: invalid Ed25519 private key parameters');
      const seed = ed25519Seed(inner);
      if (seed.length !== 32) throw new FuncError(`x509: invalid Ed25519 private key length: ${seed.length}`);
      return load('ed25519');
    }
    default:
      throw new FuncError(`x509: PKCS#8 wrapping contained private key with unknown algorithm: ${oid}`);
  }
}

/** The OCTET STRING Ed25519's PKCS#8 privateKey wraps (the 32-byte seed). */
function ed25519Seed(inner: Buffer): Uint8Array {
  try {
    const t = readTlv(inner, 0);
    if (t.tag === TAG.OCTET_STRING) return valueOf(inner, t);
  } catch (e) {
    if (!(e instanceof DerError)) throw e;
  }
  throw new FuncError(`x509: invalid Ed25519 private key: ${MALFORMED}`);
}

/** sprig's DSAKeyFormat read back: six INTEGERs (version, P, Q, G, Y, X). */
function parseDsa(der: Buffer): DsaKey {
  const items = sequenceOf(der);
  if (items === undefined || items.length < 6 || items.slice(0, 6).some((t) => t.tag !== TAG.INTEGER)) throw new FuncError(MALFORMED);
  return { kind: 'dsa' };
}

/** sprig's parsePrivateKeyPEM: the first PEM block, read by its type. Errors carry sprig's wording. */
export function parsePrivateKeyPem(text: string): SprigPrivateKey {
  const block = pemDecode(text);
  if (block === undefined) throw new FuncError('no PEM data in input');
  if (block.type === 'PRIVATE KEY') return withPrefix('decoding PEM as PKCS#8', () => parsePkcs8(block.bytes));
  if (!block.type.endsWith(' PRIVATE KEY')) throw new FuncError(`no private key data in PEM block of type ${block.type}`);
  switch (block.type.slice(0, -' PRIVATE KEY'.length)) {
    case 'RSA':
      return withPrefix('parsing RSA private key from PEM', () => parsePkcs1(block.bytes));
    case 'EC':
      return withPrefix('parsing EC private key from PEM', () => parseSec1(block.bytes));
    case 'DSA':
      return withPrefix('parsing DSA private key from PEM', () => parseDsa(block.bytes));
    default:
      throw new FuncError(`invalid private key type ${block.type}`);
  }
}
