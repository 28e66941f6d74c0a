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

/** Generated modules: `chart-data:<name>` and `chart-validator:<n>` (ajv standalone code). */
async function chartModules() {
  const { readChart, CHART_NAMES, AJV_OPTIONS, schemaForAjv } = await loadSources();
  const { Ajv } = await import('ajv');
  const { default: standaloneCode } = await import('ajv/dist/standalone/index.js');
  const validators = [];
  const data = new Map();

  function emit(chart, path, imports) {
    let validate = 'undefined';
    if (chart.schema) {
      const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, esm: true } });
      const code = standaloneCode(ajv, ajv.compile(schemaForAjv(chart.schema)));
      if (/\brequire\(/.test(code)) throw new Error(`${path}: the schema's validator needs ajv's runtime; not supported`);
      const id = validators.push(code) - 1;
      imports.push(`import validate${id} from 'chart-validator:${id}';`);
      validate = `validate${id}`;
    }
    const subs = chart.subcharts.map((s) => `${JSON.stringify(s.name)}: ${emit(s.chart, `${path}/charts/${s.name}`, imports)}`);
    return `{
  metadata: ${jsonOf(chart.metadata, `${path}/Chart.yaml`)},
  defaults: ${jsonOf(chart.defaults, `${path}/values.yaml`)},
  schema: ${chart.schema ? jsonOf(chart.schema, `${path}/values.schema.json`) : 'undefined'},
  validate: ${validate},
  subcharts: { ${subs.join(', ')} },
}`;
  }

  for (const name of CHART_NAMES) {
    const imports = [];
    const body = emit(await readChart(name, join(ROOT, 'charts')), `charts/${name}`, imports);
    data.set(name, `${imports.join('\n')}\nexport const chart = ${body};\n`);
  }
  const index = `export const EMBEDDED = {\n${CHART_NAMES.map((n) => `  ${JSON.stringify(n)}: () => import('chart-data:${n}'),`).join('\n')}\n};\n`;
  return { index, data, validators };
}

const modules = await chartModules();

/** Replace src/embedded-charts.ts with the generated data. */
const embedCharts = {
  name: 'embed-charts',
  setup(b) {
    b.onResolve({ filter: /^chart-(data|validator):/ }, (args) => ({ path: args.path, namespace: 'embedded-chart' }));
    b.onLoad({ filter: /.*/, namespace: 'embedded-chart' }, (args) => {
      const [kind, id] = args.path.split(':');
      const contents = kind === 'chart-data' ? modules.data.get(id) : modules.validators[Number(id)];
      if (contents === undefined) return { errors: [{ text: `no generated module ${args.path}` }] };
      return { contents, loader: 'js', resolveDir: ROOT };
    });
    b.onLoad({ filter: /[\\/]src[\\/]embedded-charts\.ts$/ }, (args) =>
      resolve(args.path) === EMBEDDED_MODULE ? { contents: modules.index, loader: 'js', resolveDir: ROOT } : undefined,
    );
  },
};

await build({
  ...common,
  entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts' },
  absWorkingDir: ROOT,
  outdir: DIST,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [embedCharts],
});
