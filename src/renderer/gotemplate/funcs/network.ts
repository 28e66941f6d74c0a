// sprig getHostByName (sprig v3.2.2 network.go): net.LookupHost(name), then one of the addresses at random.
// When the lookup finds nothing, sprig indexes an empty list with rand.Intn(0), which panics: every failed
// lookup shows in helm as "invalid argument to Intn".
//
// A render here never queries DNS: rendering must not wait on the network, hang on a dead resolver, or give
// a different manifest depending on where it runs. What Go's resolver (helm's binaries use the pure-Go one)
// answers without DNS is answered the same way: an IP address is its own answer; "" and text that is not a
// DNS name fail at once, as in helm; names in /etc/hosts, which Go reads before asking DNS, get their
// addresses from it. Any other name would need a DNS query, so it fails with a message that says so.
import { readFileSync } from 'node:fs';
import { isIPv6 } from 'node:net';
import { fn, FuncError, type FuncEnv, type FuncMap } from '../func-types.js';

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** Go's parseIPZone: a dotted IPv4 address (no leading zeros), or IPv6 with an optional %zone. */
function isIPLiteral(s: string): boolean {
  if (IPV4.test(s)) return true;
  const pct = s.lastIndexOf('%');
  return isIPv6(pct > 0 ? s.slice(0, pct) : s);
}

/** net.isDomainName: what the resolver would send to DNS at all. */
function isDomainName(s: string): boolean {
  if (s === '.') return true;
  const l = s.length;
  if (l === 0 || l > 254 || (l === 254 && s[l - 1] !== '.')) return false;
  let last = '.';
  let nonNumeric = false;
  let partLen = 0;
  for (const c of s) {
    if (/[a-zA-Z_]/.test(c)) {
      nonNumeric = true;
      partLen++;
    } else if (/[0-9]/.test(c)) partLen++;
    else if (c === '-') {
      if (last === '.') return false;
      partLen++;
      nonNumeric = true;
    } else if (c === '.') {
      if (last === '.' || last === '-' || partLen > 63 || partLen === 0) return false;
      partLen = 0;
    } else return false;
    last = c;
  }
  return last !== '-' && partLen <= 63 && nonNumeric;
}

/** IP.String of a hosts-file address: IPv6 in its shortest form, an IPv4-mapped address as IPv4. */
function canonicalIP(addr: string): string | undefined {
  if (IPV4.test(addr)) return addr;
  const pct = addr.lastIndexOf('%');
  const [ip, zone] = pct > 0 ? [addr.slice(0, pct), addr.slice(pct + 1)] : [addr, ''];
  if (!isIPv6(ip)) return undefined;
  let text = new URL(`http://[${ip}]`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(text);
  if (mapped) {
    const [hi, lo] = [parseInt(mapped[1], 16), parseInt(mapped[2], 16)];
    text = `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return zone === '' ? text : `${text}%${zone}`;
}

/** The addresses /etc/hosts gives a name (matched without regard to ASCII case or a final dot). */
function hostsFileAddresses(name: string): string[] {
  let text: string;
  try {
    text = readFileSync('/etc/hosts', 'utf8');
  } catch {
    return [];
  }
  const key = (n: string): string => n.toLowerCase().replace(/\.?$/, '.');
  const want = key(name);
  const found: string[] = [];
  for (const raw of text.split('\n')) {
    const fields = raw.replace(/#.*/, '').split(/[ \t\r]+/).filter(Boolean);
    if (fields.length < 2) continue;
    const addr = canonicalIP(fields[0]);
    if (addr === undefined) continue;
    for (const n of fields.slice(1)) if (key(n) === want) found.push(addr);
  }
  return found;
}

function getHostByName(name: string, env: FuncEnv): string {
  let addrs: string[];
  if (name === '') addrs = [];
  else if (isIPLiteral(name)) addrs = [name];
  else {
    addrs = hostsFileAddresses(name);
    if (addrs.length === 0 && isDomainName(name)) {
      throw new FuncError(`cannot look up ${JSON.stringify(name)}: rendering does not query DNS (only IP addresses and names in /etc/hosts resolve)`);
    }
  }
  if (addrs.length === 0) throw new FuncError('invalid argument to Intn');
  return addrs[Math.min(addrs.length - 1, Math.floor(env.random() * addrs.length))];
}

export const networkFuncs: FuncMap = {
  getHostByName: fn(['string'], ([name], env) => getHostByName(name as string, env)),
};
