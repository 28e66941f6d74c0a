// sprig urlParse and urlJoin (sprig v3.2.2 url.go) over Go's net/url (go1.18 src/net/url/url.go): Parse with
// its errors, the URL fields sprig copies into a dict, and URL.String to put one back together. Go works on
// bytes, so the port does too: strings below hold one UTF-8 byte per character (Latin-1).
import { fn, FuncError, type FuncMap } from '../func-types.js';
import { goQuote } from '../go-print.js';
import { getKey, goKindName, isNil, newMap, setKey, type GoMap } from '../go-value.js';

type Mode = 'path' | 'pathSegment' | 'host' | 'zone' | 'userPassword' | 'queryComponent' | 'fragment';

class UrlError extends Error {}

const toBytes = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');
const fromBytes = (b: string): string => Buffer.from(b, 'latin1').toString('utf8');
const hex2 = (c: number): string => c.toString(16).toUpperCase().padStart(2, '0');

/** The length of the valid UTF-8 sequence at i, or 0 when the byte there starts none. */
function utf8Length(b: string, i: number): number {
  const c = b.charCodeAt(i);
  const n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
  if (n <= 1) return n;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(b.slice(i, i + n), 'latin1'));
    return i + n <= b.length ? n : 0;
  } catch {
    return 0;
  }
}

/** strconv.Quote of a byte string: bytes that are not UTF-8 print as \xNN. */
function quoteBytes(b: string): string {
  let out = '';
  for (let i = 0; i < b.length; ) {
    const n = utf8Length(b, i);
    if (n === 0) {
      out += '\\x' + b.charCodeAt(i).toString(16).padStart(2, '0');
      i++;
    } else {
      out += goQuote(fromBytes(b.slice(i, i + n))).slice(1, -1);
      i += n;
    }
  }
  return `"${out}"`;
}

const isAlnum = (c: string): boolean => /^[A-Za-z0-9]$/.test(c);
const isHex = (c: string | undefined): boolean => c !== undefined && /^[0-9A-Fa-f]$/.test(c);

/** shouldEscape: whether a byte must be %-escaped in that part of a URL. */
function shouldEscape(c: string, mode: Mode): boolean {
  if (isAlnum(c)) return false;
  if ((mode === 'host' || mode === 'zone') && "!$&'()*+,;=:[]<>\"".includes(c)) return false;
  if ('-_.~'.includes(c)) return false;
  if ('$&+,/:;=?@'.includes(c)) {
    switch (mode) {
      case 'path':
        return c === '?';
      case 'pathSegment':
        return c === '/' || c === ';' || c === ',' || c === '?';
      case 'userPassword':
        return c === '@' || c === '/' || c === '?' || c === ':';
      case 'queryComponent':
        return true;
      case 'fragment':
        return false;
      default:
        break;
    }
  }
  if (mode === 'fragment' && "!()*".includes(c)) return false;
  return true;
}

/** unescape: %XX to bytes, checked as each part of a URL allows. */
function unescape(s: string, mode: Mode): string {
  let n = 0;
  let hasPlus = false;
  for (let i = 0; i < s.length; ) {
    const c = s[i];
    if (c === '%') {
      n++;
      if (i + 2 >= s.length || !isHex(s[i + 1]) || !isHex(s[i + 2])) {
        throw new UrlError(`invalid URL escape ${quoteBytes(s.slice(i, i + 3))}`);
      }
      // In a host, %-escapes are only for non-ASCII bytes, and %25 (RFC 6874 zones).
      if (mode === 'host' && parseInt(s[i + 1], 16) < 8 && s.slice(i, i + 3) !== '%25') {
        throw new UrlError(`invalid URL escape ${quoteBytes(s.slice(i, i + 3))}`);
      }
      if (mode === 'zone') {
        const v = String.fromCharCode(parseInt(s.slice(i + 1, i + 3), 16));
        if (s.slice(i, i + 3) !== '%25' && v !== ' ' && shouldEscape(v, 'host')) {
          throw new UrlError(`invalid URL escape ${quoteBytes(s.slice(i, i + 3))}`);
        }
      }
      i += 3;
    } else if (c === '+') {
      hasPlus = mode === 'queryComponent';
      i++;
    } else {
      if ((mode === 'host' || mode === 'zone') && c.charCodeAt(0) < 0x80 && shouldEscape(c, mode)) {
        throw new UrlError(`invalid character ${goQuote(c)} in host name`);
      }
      i++;
    }
  }
  if (n === 0 && !hasPlus) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '%') {
      out += String.fromCharCode(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (s[i] === '+') out += mode === 'queryComponent' ? ' ' : '+';
    else out += s[i];
  }
  return out;
}

function escape(s: string, mode: Mode): string {
  let out = '';
  for (const c of s) {
    if (c === ' ' && mode === 'queryComponent') out += '+';
    else if (shouldEscape(c, mode)) out += '%' + hex2(c.charCodeAt(0));
    else out += c;
  }
  return out;
}

interface User {
  username: string;
  password?: string;
}

interface GoUrl {
  scheme: string;
  opaque: string;
  user?: User;
  host: string;
  path: string;
  rawPath: string;
  forceQuery: boolean;
  rawQuery: string;
  fragment: string;
  rawFragment: string;
}

const emptyUrl = (): GoUrl => ({ scheme: '', opaque: '', host: '', path: '', rawPath: '', forceQuery: false, rawQuery: '', fragment: '', rawFragment: '' });

/** Userinfo.String. */
const userString = (u: User): string => escape(u.username, 'userPassword') + (u.password !== undefined ? ':' + escape(u.password, 'userPassword') : '');

/** getScheme: [a-zA-Z][a-zA-Z0-9+-.]* before a colon, else no scheme. */
function getScheme(raw: string): [string, string] {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (/[a-zA-Z]/.test(c)) continue;
    if (/[0-9+\-.]/.test(c)) {
      if (i === 0) return ['', raw];
      continue;
    }
    if (c === ':') {
      if (i === 0) throw new UrlError('missing protocol scheme');
      return [raw.slice(0, i), raw.slice(i + 1)];
    }
    return ['', raw];
  }
  return ['', raw];
}

const validOptionalPort = (port: string): boolean => port === '' || /^:[0-9]*$/.test(port);

/** parseHost: host[:port], an IP literal in brackets, with an RFC 6874 zone. */
function parseHost(host: string): string {
  if (host.startsWith('[')) {
    const i = host.lastIndexOf(']');
    if (i < 0) throw new UrlError("missing ']' in host");
    const colonPort = host.slice(i + 1);
    if (!validOptionalPort(colonPort)) throw new UrlError(`invalid port ${quoteBytes(colonPort)} after host`);
    const zone = host.slice(0, i).indexOf('%25');
    if (zone >= 0) return unescape(host.slice(0, zone), 'host') + unescape(host.slice(zone, i), 'zone') + unescape(host.slice(i), 'host');
  } else {
    const i = host.lastIndexOf(':');
    if (i !== -1) {
      const colonPort = host.slice(i);
      if (!validOptionalPort(colonPort)) throw new UrlError(`invalid port ${quoteBytes(colonPort)} after host`);
    }
  }
  return unescape(host, 'host');
}

/** validUserinfo: RFC 3986 userinfo characters (and '%', '@', which unescape and the last '@' sort out). */
const validUserinfo = (s: string): boolean => /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(s);

function parseAuthority(authority: string): { user?: User; host: string } {
  const i = authority.lastIndexOf('@');
  const host = parseHost(i < 0 ? authority : authority.slice(i + 1));
  if (i < 0) return { host };
  const userinfo = authority.slice(0, i);
  if (!validUserinfo(userinfo)) throw new UrlError('net/url: invalid userinfo');
  const colon = userinfo.indexOf(':');
  if (colon < 0) return { user: { username: unescape(userinfo, 'userPassword') }, host };
  return {
    user: { username: unescape(userinfo.slice(0, colon), 'userPassword'), password: unescape(userinfo.slice(colon + 1), 'userPassword') },
    host,
  };
}

/** setPath: the decoded path, and the raw form when it is not the default encoding. */
function setPath(u: GoUrl, p: string): void {
  u.path = unescape(p, 'path');
  u.rawPath = escape(u.path, 'path') === p ? '' : p;
}

function setFragment(u: GoUrl, f: string): void {
  u.fragment = unescape(f, 'fragment');
  u.rawFragment = escape(u.fragment, 'fragment') === f ? '' : f;
}

/** validEncoded: only bytes that need no escaping (sub-delims, brackets and % allowed). */
function validEncoded(s: string, mode: Mode): boolean {
  for (const c of s) {
    if ("!$&'()*+,;=:@[]%".includes(c)) continue;
    if (shouldEscape(c, mode)) return false;
  }
  return true;
}

function escapedPath(u: GoUrl): string {
  if (u.rawPath !== '' && validEncoded(u.rawPath, 'path')) {
    try {
      if (unescape(u.rawPath, 'path') === u.path) return u.rawPath;
    } catch {
      // an invalid raw path is ignored
    }
  }
  if (u.path === '*') return '*';
  return escape(u.path, 'path');
}

function escapedFragment(u: GoUrl): string {
  if (u.rawFragment !== '' && validEncoded(u.rawFragment, 'fragment')) {
    try {
      if (unescape(u.rawFragment, 'fragment') === u.fragment) return u.rawFragment;
    } catch {
      // an invalid raw fragment is ignored
    }
  }
  return escape(u.fragment, 'fragment');
}

/** url.parse(rawURL, viaRequest=false). */
function parseReference(raw: string): GoUrl {
  if (/[\x00-\x1f\x7f]/.test(raw)) throw new UrlError('net/url: invalid control character in URL');
  const u = emptyUrl();
  if (raw === '*') {
    u.path = '*';
    return u;
  }
  let rest: string;
  [u.scheme, rest] = getScheme(raw);
  u.scheme = u.scheme.toLowerCase();
  if (rest.endsWith('?') && rest.split('?').length === 2) {
    u.forceQuery = true;
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf('?');
    if (q >= 0) [rest, u.rawQuery] = [rest.slice(0, q), rest.slice(q + 1)];
  }
  if (!rest.startsWith('/')) {
    if (u.scheme !== '') {
      // A rootless path after a scheme is opaque (mailto:joe@example.com).
      u.opaque = rest;
      return u;
    }
    // A relative path's first segment cannot hold a colon: it would read as a scheme.
    if (rest.split('/')[0].includes(':')) throw new UrlError('first path segment in URL cannot contain colon');
  }
  if ((u.scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    let authority = rest.slice(2);
    rest = '';
    const slash = authority.indexOf('/');
    if (slash >= 0) [authority, rest] = [authority.slice(0, slash), authority.slice(slash)];
    const { user, host } = parseAuthority(authority);
    u.user = user;
    u.host = host;
  }
  setPath(u, rest);
  return u;
}

/** url.Parse: errors read `parse "<url>": <reason>`. */
function parseUrl(raw: string): GoUrl {
  const hash = raw.indexOf('#');
  const base = hash < 0 ? raw : raw.slice(0, hash);
  let u: GoUrl;
  try {
    u = parseReference(base);
  } catch (e) {
    if (e instanceof UrlError) throw new UrlError(`parse ${quoteBytes(base)}: ${e.message}`);
    throw e;
  }
  if (hash < 0 || hash === raw.length - 1) return u;
  try {
    setFragment(u, raw.slice(hash + 1));
  } catch (e) {
    if (e instanceof UrlError) throw new UrlError(`parse ${quoteBytes(raw)}: ${e.message}`);
    throw e;
  }
  return u;
}

/** URL.String. */
function urlString(u: GoUrl): string {
  let out = '';
  if (u.scheme !== '') out += u.scheme + ':';
  if (u.opaque !== '') out += u.opaque;
  else {
    if (u.scheme !== '' || u.host !== '' || u.user) {
      if (u.host !== '' || u.path !== '' || u.user) out += '//';
      if (u.user) out += userString(u.user) + '@';
      if (u.host !== '') out += escape(u.host, 'host');
    }
    const path = escapedPath(u);
    if (path !== '' && path[0] !== '/' && u.host !== '') out += '/';
    // A first segment with a colon would read as a scheme: "./" keeps it a path.
    if (out === '' && path.split('/')[0].includes(':')) out += './';
    out += path;
  }
  if (u.forceQuery || u.rawQuery !== '') out += '?' + u.rawQuery;
  if (u.fragment !== '') out += '#' + escapedFragment(u);
  return out;
}

/** URL.Hostname: the host without a valid port, without IP-literal brackets. */
function hostname(host: string): string {
  let h = host;
  const colon = h.lastIndexOf(':');
  if (colon !== -1 && validOptionalPort(h.slice(colon))) h = h.slice(0, colon);
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  return h;
}

/** sprig urlParse: the URL's parts in a dict; a URL that does not parse is a panic. */
function urlParse(text: string): GoMap {
  let u: GoUrl;
  try {
    u = parseUrl(toBytes(text));
  } catch (e) {
    if (e instanceof UrlError) throw new FuncError(`unable to parse url: ${e.message}`);
    throw e;
  }
  const d = newMap();
  const parts: Array<[string, string]> = [
    ['scheme', u.scheme],
    ['host', u.host],
    ['hostname', hostname(u.host)],
    ['path', u.path],
    ['query', u.rawQuery],
    ['opaque', u.opaque],
    ['fragment', u.fragment],
    ['userinfo', u.user ? userString(u.user) : ''],
  ];
  for (const [k, v] of parts) setKey(d, k, fromBytes(v));
  return d;
}

/** sprig dictGetOrEmpty: a missing key is "", a value that is not a string a panic. */
function dictString(d: GoMap, key: string): string {
  if (!Object.hasOwn(d, key)) return '';
  const v = getKey(d, key);
  if (isNil(v)) throw new FuncError('runtime error: invalid memory address or nil pointer dereference');
  if (typeof v !== 'string') throw new FuncError(`unable to parse ${key} key, must be of type string, but ${goKindName(v)} found`);
  return toBytes(v);
}

/** sprig urlJoin: a URL from urlParse's keys; userinfo is read by parsing "proto://<userinfo>@host". */
function urlJoin(d: GoMap | null): string {
  const m = d ?? newMap();
  const u = emptyUrl();
  u.scheme = dictString(m, 'scheme');
  u.host = dictString(m, 'host');
  u.path = dictString(m, 'path');
  u.rawQuery = dictString(m, 'query');
  u.opaque = dictString(m, 'opaque');
  u.fragment = dictString(m, 'fragment');
  const userinfo = dictString(m, 'userinfo');
  if (userinfo !== '') {
    try {
      u.user = parseUrl(`proto://${userinfo}@host`).user;
    } catch (e) {
      if (e instanceof UrlError) throw new FuncError(`unable to parse userinfo in dict: ${e.message}`);
      throw e;
    }
  }
  return fromBytes(urlString(u));
}

export const urlFuncs: FuncMap = {
  urlParse: fn(['string'], ([s]) => urlParse(s as string)),
  urlJoin: fn(['map'], ([d]) => urlJoin(d as GoMap | null)),
};
