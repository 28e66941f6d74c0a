// sprig's random functions (sprig v3.2.2 strings.go on goutils' CryptoRandom*, functions.go randInt,
// xstrings.Shuffle, google/uuid), drawing from the injected env.random() so a host can make them repeatable.
import { fn, FuncError, type FuncEnv, type FuncMap } from '../func-types.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const ALPHA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const NUMERIC = '0123456789';
/** goutils.CryptoRandomAscii: code points 32 (space) to 126 (~). */
const ASCII = Array.from({ length: 127 - 32 }, (_, i) => String.fromCharCode(32 + i)).join('');

/** A uniform integer in [0, n) for a positive n (math/rand Intn). */
function intn(n: bigint, random: () => number): bigint {
  // 53 random bits scaled to n: uniform enough for template use, exact for every n below 2^53.
  return (BigInt(Math.floor(random() * 2 ** 53)) * n) >> 53n;
}

/** goutils.CryptoRandom over a fixed alphabet; sprig drops its error, so a negative count gives "". */
function randomString(count: bigint, chars: string, env: FuncEnv): string {
  const n = Number(count);
  if (n <= 0) return '';
  env.charge(n);
  let out = '';
  for (let i = 0; i < n; i++) out += chars[Math.min(chars.length - 1, Math.floor(env.random() * chars.length))];
  return out;
}

/** sprig randInt: rand.Intn(max-min)+min, so an empty or inverted range is Intn's panic. */
function randInt(min: bigint, max: bigint, env: FuncEnv): bigint {
  const span = BigInt.asIntN(64, max - min);
  if (span <= 0n) throw new FuncError('invalid argument to Intn');
  return BigInt.asIntN(64, intn(span, () => env.random()) + min);
}

/** xstrings.Shuffle: Fisher–Yates over the runes, swapping index i with rand.Intn(i+1). */
function shuffle(str: string, env: FuncEnv): string {
  const runes = Array.from(str);
  for (let i = runes.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(env.random() * (i + 1)));
    [runes[i], runes[j]] = [runes[j], runes[i]];
  }
  return runes.join('');
}

function uuidv4(random: () => number): string {
  const b = Array.from({ length: 16 }, () => Math.floor(random() * 256) & 0xff);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const randomFuncs: FuncMap = {
  randAlphaNum: fn(['int'], ([n], env) => randomString(n as bigint, ALNUM, env)),
  randAlpha: fn(['int'], ([n], env) => randomString(n as bigint, ALPHA, env)),
  randNumeric: fn(['int'], ([n], env) => randomString(n as bigint, NUMERIC, env)),
  randAscii: fn(['int'], ([n], env) => randomString(n as bigint, ASCII, env)),
  randInt: fn(['int', 'int'], ([min, max], env) => randInt(min as bigint, max as bigint, env)),
  shuffle: fn(['string'], ([s], env) => shuffle(s as string, env)),
  uuidv4: fn([], (_a, env) => uuidv4(() => env.random())),
};
