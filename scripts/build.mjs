// Bundle the CLI and the API with esbuild: one entry per use, commands and charts split into chunks
// that load only when used.
//
// Chart data is compiled in: each chart's Chart.yaml and values.yaml (read by the same loader the
// sources use, so YAML 1.1 typing is identical), values.schema.json, and the schema's validator as
// ajv standalone code. The generated module replaces src/embedded-charts.ts in the bundle; one lazy
// chunk per chart. charts/<name>/ stays the source of truth: rebuild after editing it (`npm test` and
// `npm run bench` build first).
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const EMBEDDED_MODULE = join(ROOT, 'src', 'embedded-charts.ts');

rmSync(DIST, { recursive: true, force: true });

const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: false,
  logLevel: 'warning',
};

/**
 * Load the charts with the sources' own loader: bundle a small entry to a temporary module inside the
 * project (so `yaml` and `ajv` resolve from node_modules) and import it.
 */
async function loadSources() {
  const helper = join(DIST, `.build-helper-${process.pid}.mjs`);
  mkdirSync(DIST, { recursive: true });
  await build({
    ...common,
    stdin: {
      contents: [
        "export { readChart, CHART_NAMES } from './src/charts.ts';",
        "export { AJV_OPTIONS, schemaForAjv } from './src/schema/validate.ts';",
        "export { prepareValues } from './src/renderer/render.ts';",
        "export { loadValues } from './src/renderer/values/load.ts';",
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'ts',
    },
    outfile: helper,
    splitting: false,
  });
  try {
    return await import(pathToFileURL(helper).href);
  } finally {
    rmSync(helper, { force: true });
  }
}

/** Data embedded as JSON must read back as exactly what the loader produced. */
function jsonOf(value, what) {
  const text = JSON.stringify(value);
  if (text === undefined || !isDeepStrictEqual(JSON.parse(text), value)) {
    throw new Error(`${what} holds data JSON cannot carry (NaN, Infinity, dates, bigints, undefined); cannot embed it`);
  }
  // A JSON.parse of a string literal starts faster than the same data as an object literal.
  return `JSON.parse(${JSON.stringify(text)})`;
}

/**
 * Generated modules: `chart-data:<name>` per chart, and dist/validators/<n>.cjs, each schema's
 * validator as ajv standalone code, required (synchronously) only when a render validates values.
 */
async function chartModules() {
  const { readChart, CHART_NAMES, AJV_OPTIONS, schemaForAjv, prepareValues, loadValues } = await loadSources();
  const { Ajv } = await import('ajv');
  const { default: standaloneCode } = await import('ajv/dist/standalone/index.js');
  const validators = [];
  const data = new Map();

  function emit(chart, path) {
    let loadValidate = 'undefined';
    if (chart.schema) {
      const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
      const code = standaloneCode(ajv, ajv.compile(schemaForAjv(chart.schema)));
      if (/\brequire\(/.test(code)) throw new Error(`${path}: the schema's validator needs ajv's runtime; not supported`);
      const id = validators.push(code) - 1;
      loadValidate = `() => load('../validators/${id}.cjs')`;
    }
    const subs = chart.subcharts.map((s) => `${JSON.stringify(s.name)}: ${emit(s.chart, `${path}/charts/${s.name}`)}`);
    return `{
  metadata: ${jsonOf(chart.metadata, `${path}/Chart.yaml`)},
  defaults: ${jsonOf(chart.defaults, `${path}/values.yaml`)},
  schema: ${chart.schema ? jsonOf(chart.schema, `${path}/values.schema.json`) : 'undefined'},
  loadValidate: ${loadValidate},
  subcharts: { ${subs.join(', ')} },
}`;
  }

  /** Whether the defaults alone pass the schema checks of a render with no values. */
  function defaultsValid(chart) {
    try {
      prepareValues(chart, loadValues({}), () => {});
      return true;
    } catch (e) {
      if (e?.code === 'SCHEMA_INVALID') return false;
      throw e;
    }
  }

  for (const name of CHART_NAMES) {
    const chart = await readChart(name, join(ROOT, 'charts'));
    const body = emit(chart, `charts/${name}`);
    data.set(
      name,
      [
        "import { createRequire } from 'node:module';",
        // Chunks live in dist/chunks/, validators in dist/validators/.
        'const load = createRequire(import.meta.url);',
        `export const chart = ${body};`,
        `chart.defaultsValid = ${defaultsValid(chart)};`,
      ].join('\n'),
    );
  }
  const index = `export const EMBEDDED = {\n${CHART_NAMES.map((n) => `  ${JSON.stringify(n)}: () => import('chart-data:${n}'),`).join('\n')}\n};\n`;
  return { index, data, validators };
}

const modules = await chartModules();

/** Replace src/embedded-charts.ts with the generated data. */
const embedCharts = {
  name: 'embed-charts',
  setup(b) {
    b.onResolve({ filter: /^chart-data:/ }, (args) => ({ path: args.path, namespace: 'embedded-chart' }));
    b.onLoad({ filter: /.*/, namespace: 'embedded-chart' }, (args) => {
      const contents = modules.data.get(args.path.slice('chart-data:'.length));
      if (contents === undefined) return { errors: [{ text: `no generated module ${args.path}` }] };
      return { contents, loader: 'js', resolveDir: ROOT };
    });
    b.onLoad({ filter: /[\\/]src[\\/]embedded-charts\.ts$/ }, (args) =>
      resolve(args.path) === EMBEDDED_MODULE ? { contents: modules.index, loader: 'js', resolveDir: ROOT } : undefined,
    );
  },
};

/**
 * `import { createHash } from 'node:crypto'` in an ES module makes Node build the module's ESM facade,
 * which reads every export, webcrypto included: several milliseconds at start-up for a hash most
 * renders never compute. The bundle takes node:crypto's functions through a CommonJS require on
 * first call instead. (Only functions: a class or constant import fails the build here, on purpose.)
 */
const lazyCrypto = {
  name: 'lazy-node-crypto',
  setup(b) {
    b.onResolve({ filter: /^(node:)?crypto$/ }, (args) =>
      args.namespace === 'lazy-builtin' ? { path: 'node:crypto', external: true } : { path: 'crypto', namespace: 'lazy-builtin' },
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, async () => {
      const crypto = await import('node:crypto');
      const names = Object.keys(crypto).filter((k) => k !== 'default' && /^[a-z]/.test(k) && typeof Object.getOwnPropertyDescriptor(crypto, k)?.value === 'function');
      return {
        contents: [
          "import { createRequire } from 'node:module';",
          'let lib;',
          "const crypto = () => (lib ??= createRequire(import.meta.url)('node:crypto'));",
          ...names.map((n) => `export function ${n}(...args) { return crypto().${n}(...args); }`),
        ].join('\n'),
        loader: 'js',
        resolveDir: ROOT,
      };
    });
  },
};

await build({
  ...common,
  entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts' },
  absWorkingDir: ROOT,
  outdir: DIST,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [embedCharts, lazyCrypto],
});

mkdirSync(join(DIST, 'validators'), { recursive: true });
modules.validators.forEach((code, id) => writeFileSync(join(DIST, 'validators', `${id}.cjs`), code));
