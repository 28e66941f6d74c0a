// sprig v3.2.2's certificate functions (crypto.go: genCA, genCAWithKey, genSelfSignedCert[WithKey],
// genSignedCert[WithKey], buildCustomCert): argument checks, error wording and order as sprig's, keys
// from node:crypto, certificates from ./x509.
import { generateKeyPairSync } from 'node:crypto';
import { fn, FuncError, type FuncEnv, type FuncMap } from '../func-types.js';
import { goPrint } from '../go-print.js';
import { GoStruct, goTypeName, isNil } from '../go-value.js';
import { parsePrivateKeyPem, pemForKey, withPrefix, type SignerKey, type SprigPrivateKey } from './crypto-keys.js';
import { goBase64DecodeString } from './go-base64.js';
import { parseIpForSan } from './go-ip.js';
import { pemDecode, pemEncode } from './go-pem.js';
import { createCertificate, parseParentCert, validityEnd, type CertTemplate, type ParentCert } from './x509.js';

/**
 * sprig's `certificate` struct: templates read `.Cert` and `.Key` (PEM text). Printed as Go prints a
 * struct value, `{<Cert> <Key>}`.
 */
export class SprigCertificate extends GoStruct {
  get goType(): string {
    return 'sprig.certificate';
  }
  readonly Cert: string;
  readonly Key: string;
  constructor(cert: string, key: string) {
    super();
    this.Cert = cert;
    this.Key = key;
  }
  jsonValue(): Record<string, unknown> {
    return { Cert: this.Cert, Key: this.Key };
  }
  override toString(): string {
    return `{${this.Cert} ${this.Key}}`;
  }
}

/** What varies between calls besides the arguments: the clock, serials and fresh keys (tests fix them). */
export interface CertSources {
  now(): Date;
  serial(): bigint;
  /** rsa.GenerateKey(rand.Reader, 2048), sprig's key for every certificate made without one. */
  rsaKey(): SignerKey;
}

// sprig generates its RSA key before anything else; that cannot fail, so here it is drawn only once the
// arguments have passed their checks (an error costs no key). A caller's PEM key is parsed first, as in
// sprig, so its errors come first.
type KeySource = () => SprigPrivateKey;

export const defaultRsaKey = (): SignerKey => ({ kind: 'rsa', key: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey });

/** A []interface{} parameter: a list, or nil (Go's nil slice). */
function listArg(v: unknown): unknown[] {
  if (isNil(v)) return [];
  if (Array.isArray(v)) return v;
  throw new FuncError(`wrong type for value; expected []interface {}; got ${goTypeName(v)}`);
}

/** A sprig.certificate parameter: only a value one of these functions returned. */
function certificateArg(v: unknown): SprigCertificate {
  if (v instanceof SprigCertificate) return v;
  throw new FuncError(`wrong type for value; expected sprig.certificate; got ${goTypeName(v)}`);
}

/** getNetIPs and getAlternateDNSStrs: every element a string, every IP one Go can parse. */
function sans(ips: unknown[], dns: unknown[]): { ips: Uint8Array[]; dnsNames: string[] } {
  const parsed = ips.map((ip) => {
    if (typeof ip !== 'string') throw new FuncError(`error parsing ip: ${goPrint(ip)} is not a string`);
    const bytes = parseIpForSan(ip);
    if (bytes === undefined) throw new FuncError(`error parsing ip: ${ip}`);
    return bytes;
  });
  const dnsNames = dns.map((name) => {
    if (typeof name !== 'string') throw new FuncError(`error processing alternate dns name: ${goPrint(name)} is not a string`);
    return name;
  });
  return { ips: parsed, dnsNames };
}

/** getBaseCertTemplate (genCA then sets the CA key usage and IsCA). */
function baseTemplate(cn: string, ips: unknown[], dns: unknown[], days: bigint, isCA: boolean, src: CertSources): CertTemplate {
  const names = sans(ips, dns);
  const notBefore = src.now();
  return { commonName: cn, ...names, serial: src.serial(), notBefore, notAfter: validityEnd(notBefore, days), isCA };
}

/** getCertAndKey: the certificate and the signee's key, both PEM. */
function certAndKey(template: CertTemplate, signee: SprigPrivateKey, parent: ParentCert | undefined, signer: SprigPrivateKey): SprigCertificate {
  const der = withPrefix('error creating certificate', () => createCertificate(template, signee, parent, signer));
  // CreateCertificate refuses a DSA signee, so the key here is one pemForKey writes.
  return new SprigCertificate(pemEncode('CERTIFICATE', der), pemForKey(signee as SignerKey));
}

function withPemKey(privPem: string): KeySource {
  const key = withPrefix('parsing private key', () => parsePrivateKeyPem(privPem));
  return () => key;
}

function generateCertificateAuthority(cn: string, days: bigint, key: KeySource, src: CertSources): SprigCertificate {
  const template = baseTemplate(cn, [], [], days, true, src);
  const priv = key();
  return certAndKey(template, priv, undefined, priv);
}

function generateSelfSignedCertificate(cn: string, ips: unknown[], dns: unknown[], days: bigint, key: KeySource, src: CertSources): SprigCertificate {
  const template = baseTemplate(cn, ips, dns, days, false, src);
  const priv = key();
  return certAndKey(template, priv, undefined, priv);
}

function generateSignedCertificate(cn: string, ips: unknown[], dns: unknown[], days: bigint, ca: SprigCertificate, key: KeySource, src: CertSources): SprigCertificate {
  const block = pemDecode(ca.Cert);
  if (block === undefined) throw new FuncError('unable to decode certificate');
  const parent = withPrefix('error parsing certificate: decodedSignerCert.Bytes', () => parseParentCert(block.bytes));
  const signer = withPrefix('error parsing private key', () => parsePrivateKeyPem(ca.Key));
  const template = baseTemplate(cn, ips, dns, days, false, src);
  return certAndKey(template, key(), parent, signer);
}

/** buildCustomCert: a certificate struct from base64 PEM text, after checking both parse. */
function buildCustomCertificate(b64cert: string, b64key: string): SprigCertificate {
  const cert = goBase64DecodeString(b64cert);
  if (cert.error !== undefined) throw new FuncError('unable to decode base64 certificate');
  const key = goBase64DecodeString(b64key);
  if (key.error !== undefined) throw new FuncError('unable to decode base64 private key');
  const certText = cert.bytes.toString('utf8');
  const keyText = key.bytes.toString('utf8');
  const block = pemDecode(certText);
  if (block === undefined) throw new FuncError('unable to decode certificate');
  withPrefix('error parsing certificate: decodedCert.Bytes', () => parseParentCert(block.bytes));
  withPrefix('error parsing private key', () => parsePrivateKeyPem(keyText));
  return new SprigCertificate(certText, keyText);
}

/** The template functions, over the given sources (crypto.ts gives them the clock and the CSPRNG). */
export function certificateFuncs(sources: (env: FuncEnv) => CertSources): FuncMap {
  const str = (v: unknown): string => v as string;
  const int = (v: unknown): bigint => v as bigint;
  return {
    genCA: fn(['string', 'int'], ([cn, days], env) => {
      const src = sources(env);
      return generateCertificateAuthority(str(cn), int(days), () => src.rsaKey(), src);
    }),
    genCAWithKey: fn(['string', 'int', 'string'], ([cn, days, pem], env) =>
      generateCertificateAuthority(str(cn), int(days), withPemKey(str(pem)), sources(env)),
    ),
    genSelfSignedCert: fn(['string', 'any', 'any', 'int'], ([cn, ips, dns, days], env) => {
      const [ipList, dnsList] = [listArg(ips), listArg(dns)];
      const src = sources(env);
      return generateSelfSignedCertificate(str(cn), ipList, dnsList, int(days), () => src.rsaKey(), src);
    }),
    genSelfSignedCertWithKey: fn(['string', 'any', 'any', 'int', 'string'], ([cn, ips, dns, days, pem], env) => {
      const [ipList, dnsList] = [listArg(ips), listArg(dns)];
      return generateSelfSignedCertificate(str(cn), ipList, dnsList, int(days), withPemKey(str(pem)), sources(env));
    }),
    genSignedCert: fn(['string', 'any', 'any', 'int', 'any'], ([cn, ips, dns, days, ca], env) => {
      const [ipList, dnsList, caCert] = [listArg(ips), listArg(dns), certificateArg(ca)];
      const src = sources(env);
      return generateSignedCertificate(str(cn), ipList, dnsList, int(days), caCert, () => src.rsaKey(), src);
    }),
    genSignedCertWithKey: fn(['string', 'any', 'any', 'int', 'any', 'string'], ([cn, ips, dns, days, ca, pem], env) => {
      const [ipList, dnsList, caCert] = [listArg(ips), listArg(dns), certificateArg(ca)];
      return generateSignedCertificate(str(cn), ipList, dnsList, int(days), caCert, withPemKey(str(pem)), sources(env));
    }),
    buildCustomCert: fn(['string', 'string'], ([cert, key]) => buildCustomCertificate(str(cert), str(key))),
  };
}
