// sprig semver / semverCompare over Masterminds/semver v3.1.1 (version.go NewVersion, constraints.go).
import { fn, FuncError, type FuncMap } from '../func-types.js';
import { GoStruct, goTypeName } from '../go-value.js';

interface Version {
  major: bigint;
  minor: bigint;
  patch: bigint;
  pre: string;
  metadata: string;
  original: string;
}

const SEMVER = /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;
const CV = String.raw`v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?`;
const OPS = String.raw`=||!=|>|<|>=|=>|<=|=<|~|~>|\^`;
const CONSTRAINT = new RegExp(String.raw`^\s*(${OPS})\s*(${CV})\s*$`);
const RANGE = new RegExp(String.raw`\s*(${CV})\s+-\s+(${CV})\s*`, 'g');
const FIND = new RegExp(String.raw`(${OPS})\s*(${CV})`, 'g');
const VALID = new RegExp(String.raw`^(\s*(${OPS})\s*(${CV})\s*\,?)+$`);
const U64_MAX = 2n ** 64n - 1n;

export function parseVersion(v: string): Version {
  const m = SEMVER.exec(v);
  if (!m) throw new FuncError('Invalid Semantic Version');
  const seg = (s: string | undefined): bigint => {
    const n = s ? BigInt(s.replace(/^\./, '')) : 0n;
    if (n > U64_MAX) throw new FuncError(`Error parsing version segment: strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`);
    return n;
  };
  const pre = m[5] ?? '';
  for (const p of pre ? pre.split('.') : []) {
    if (/^[0-9]+$/.test(p) && p.length > 1 && p[0] === '0') throw new FuncError('Version segment starts with 0');
  }
  return { major: seg(m[1]), minor: seg(m[2]), patch: seg(m[3]), pre, metadata: m[8] ?? '', original: v };
}

function comparePrePart(s: string, o: string): number {
  if (s === o) return 0;
  if (s === '') return o !== '' ? -1 : 1;
  if (o === '') return 1;
  const sn = /^[0-9]+$/.test(s);
  const on = /^[0-9]+$/.test(o);
  if (!sn && !on) return s > o ? 1 : -1;
  if (!on) return -1;
  if (!sn) return 1;
  return BigInt(s) > BigInt(o) ? 1 : -1;
}

function comparePrerelease(a: string, b: string): number {
  const sp = a.split('.');
  const op = b.split('.');
  for (let i = 0; i < Math.max(sp.length, op.length); i++) {
    const d = comparePrePart(sp[i] ?? '', op[i] ?? '');
    if (d !== 0) return d;
  }
  return 0;
}

export function compareVersions(v: Version, o: Version): number {
  for (const k of ['major', 'minor', 'patch'] as const) if (v[k] !== o[k]) return v[k] > o[k] ? 1 : -1;
  if (v.pre === '' && o.pre === '') return 0;
  if (v.pre === '') return 1;
  if (o.pre === '') return -1;
  return comparePrerelease(v.pre, o.pre);
}

interface Constraint {
  con: Version;
  op: string;
  dirty: boolean;
  minorDirty: boolean;
  patchDirty: boolean;
}

const isX = (s: string | undefined): boolean => s === 'x' || s === '*' || s === 'X';

function parseConstraint(c: string): Constraint {
  const m = CONSTRAINT.exec(c);
  if (!m) throw new FuncError(`improper constraint: ${c}`);
  let ver = m[2];
  let dirty = false;
  let minorDirty = false;
  let patchDirty = false;
  const [m3, m4, m5, m6] = [m[3] ?? '', m[4] ?? '', m[5] ?? '', m[6] ?? ''];
  if (isX(m3) || m3 === '') {
    ver = '0.0.0';
    dirty = true;
  } else if (isX(m4.replace(/^\./, '')) || m4 === '') {
    minorDirty = true;
    dirty = true;
    ver = `${m3}.0.0${m6}`;
  } else if (isX(m5.replace(/^\./, '')) || m5 === '') {
    dirty = true;
    patchDirty = true;
    ver = `${m3}${m4}.0${m6}`;
  }
  let con: Version;
  try {
    con = parseVersion(ver);
  } catch {
    throw new FuncError('constraint Parser Error');
  }
  return { con, op: m[1], dirty, minorDirty, patchDirty };
}

function tilde(v: Version, c: Constraint): boolean {
  if (compareVersions(v, c.con) < 0) return false;
  if (c.con.major === 0n && c.con.minor === 0n && c.con.patch === 0n && !c.minorDirty && !c.patchDirty) return true;
  if (v.major !== c.con.major) return false;
  return !(v.minor !== c.con.minor && !c.minorDirty);
}

function check(v: Version, c: Constraint): boolean {
  const cmp = (): number => compareVersions(v, c.con);
  // A prerelease version only satisfies constraints that carry a prerelease themselves.
  if (c.op !== '!=' && v.pre !== '' && c.con.pre === '') return false;
  switch (c.op) {
    case '':
    case '=':
      return c.dirty ? tilde(v, c) : cmp() === 0;
    case '!=':
      if (c.dirty) {
        if (v.pre !== '' && c.con.pre === '') return false;
        if (c.con.major !== v.major) return true;
        if (c.con.minor !== v.minor && !c.minorDirty) return true;
        if (c.minorDirty) return false;
        if (c.con.patch !== v.patch && !c.patchDirty) return true;
        if (c.patchDirty) return (v.pre !== '' || c.con.pre !== '') && comparePrerelease(v.pre, c.con.pre) !== 0;
      }
      return cmp() !== 0;
    case '>':
      if (!c.dirty) return cmp() === 1;
      if (v.major !== c.con.major) return v.major > c.con.major;
      if (c.minorDirty) return false;
      if (c.patchDirty) return v.minor > c.con.minor;
      return cmp() === 1;
    case '<':
      return cmp() < 0;
    case '>=':
    case '=>':
      return cmp() >= 0;
    case '<=':
    case '=<':
      if (!c.dirty) return cmp() <= 0;
      if (v.major > c.con.major) return false;
      return !(v.major === c.con.major && v.minor > c.con.minor && !c.minorDirty);
    case '~':
    case '~>':
      return tilde(v, c);
    case '^':
      if (cmp() < 0) return false;
      if (c.con.major > 0n || c.minorDirty) return v.major === c.con.major;
      if (v.major > 0n) return false;
      if (c.con.minor > 0n || c.patchDirty) return v.minor === c.con.minor;
      return c.con.patch === v.patch;
    default:
      return false;
  }
}

/** Masterminds/semver NewConstraint(...).Check(NewVersion(version)). */
export function semverCompare(constraint: string, version: string): boolean {
  const rewritten = constraint.replace(RANGE, (_m, a: string, ...rest: unknown[]) => `>= ${a}, <= ${String(rest[9])}`);
  const ors = rewritten.split('||').map((part) => {
    if (!VALID.test(part)) throw new FuncError(`improper constraint: ${part}`);
    const found = part.match(FIND) ?? [part];
    return found.map(parseConstraint);
  });
  const v = parseVersion(version);
  return ors.some((and) => and.every((c) => check(v, c)));
}

const SEGMENT_CHARS = /^[0-9A-Za-z-]*$/;

/** version.go validatePrerelease: dot-separated identifiers, numeric ones without a leading 0. */
function validatePrerelease(p: string): void {
  for (const part of p.split('.')) {
    if (/^[0-9]*$/.test(part)) {
      if (part.length > 1 && part[0] === '0') throw new FuncError('Version segment starts with 0');
    } else if (!SEGMENT_CHARS.test(part)) throw new FuncError('Invalid Prerelease string');
  }
}

function validateMetadata(m: string): void {
  for (const part of m.split('.')) if (!SEGMENT_CHARS.test(part)) throw new FuncError('Invalid Metadata string');
}

function versionString(v: Version): string {
  return `${v.major}.${v.minor}.${v.patch}${v.pre ? '-' + v.pre : ''}${v.metadata ? '+' + v.metadata : ''}`;
}

/**
 * Masterminds/semver's Version as templates see it: `semver` returns a `*semver.Version` (kind ptr),
 * the Inc and Set methods a `semver.Version`. Both print and marshal (MarshalJSON) as String(); the
 * methods are Go's, the number getters uint64 (int64 here).
 */
export class SemverVersion extends GoStruct {
  /** A pointer method: a `semver.Version` the Inc and Set methods return has none. */
  declare readonly Original?: () => string;
  constructor(
    readonly v: Version,
    readonly pointer: boolean,
  ) {
    super();
    if (pointer) this.Original = () => v.original;
  }
  get goType(): string {
    return this.pointer ? '*semver.Version' : 'semver.Version';
  }
  override get stringer(): boolean {
    return true;
  }
  override get goKind(): string {
    return this.pointer ? 'ptr' : 'struct';
  }
  /** `len` looks through the pointer and names the struct. */
  override get lenType(): string {
    return 'semver.Version';
  }
  jsonValue(): string {
    return versionString(this.v);
  }
  override toString(): string {
    return versionString(this.v);
  }
  String(): string {
    return versionString(this.v);
  }
  Major(): bigint {
    return this.v.major;
  }
  Minor(): bigint {
    return this.v.minor;
  }
  Patch(): bigint {
    return this.v.patch;
  }
  Prerelease(): string {
    return this.v.pre;
  }
  Metadata(): string {
    return this.v.metadata;
  }
  /** The original's `v` prefix, kept by the Inc and Set methods. */
  private next(changes: Partial<Version>): SemverVersion {
    const n: Version = { ...this.v, ...changes };
    n.original = (this.v.original.startsWith('v') ? 'v' : '') + versionString(n);
    return new SemverVersion(n, false);
  }
  IncPatch(): SemverVersion {
    return this.next(this.v.pre !== '' ? { pre: '', metadata: '' } : { pre: '', metadata: '', patch: (this.v.patch + 1n) & U64_MAX });
  }
  IncMinor(): SemverVersion {
    return this.next({ pre: '', metadata: '', patch: 0n, minor: (this.v.minor + 1n) & U64_MAX });
  }
  IncMajor(): SemverVersion {
    return this.next({ pre: '', metadata: '', patch: 0n, minor: 0n, major: (this.v.major + 1n) & U64_MAX });
  }
  SetPrerelease(pre: unknown): SemverVersion {
    const p = methodString(pre);
    if (p !== '') validatePrerelease(p);
    return this.next({ pre: p });
  }
  SetMetadata(metadata: unknown): SemverVersion {
    const m = methodString(metadata);
    if (m !== '') validateMetadata(m);
    return this.next({ metadata: m });
  }
  Compare(o: unknown): bigint {
    return BigInt(compareVersions(this.v, otherVersion(o)));
  }
  LessThan(o: unknown): boolean {
    return compareVersions(this.v, otherVersion(o)) < 0;
  }
  GreaterThan(o: unknown): boolean {
    return compareVersions(this.v, otherVersion(o)) > 0;
  }
  Equal(o: unknown): boolean {
    return compareVersions(this.v, otherVersion(o)) === 0;
  }
}

function methodString(v: unknown): string {
  if (typeof v !== 'string') throw new FuncError(`wrong type for value; expected string; got ${goTypeName(v)}`);
  return v;
}

/** The *Version argument of Compare and friends. */
function otherVersion(o: unknown): Version {
  if (o instanceof SemverVersion && o.pointer) return o.v;
  throw new FuncError(`wrong type for value; expected *semver.Version; got ${goTypeName(o)}`);
}

export const semverFuncs: FuncMap = {
  semverCompare: fn(['string', 'string'], ([c, v]) => semverCompare(c as string, v as string)),
  semver: fn(['string'], ([v]) => new SemverVersion(parseVersion(v as string), true)),
};
