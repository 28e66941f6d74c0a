// Bundle the CLI and the API with esbuild.
//
//   dist/index.js, dist/chunks/      the API (ESM; commands and charts split into lazily imported chunks),
//                                    and dist/cli.js, the CLI as an ES module (for in-process callers)
//   dist/cjs/cli.cjs                 the CLI that bin/prefect-charts.cjs runs: one CommonJS file whose
//                                    modules initialise on first use, with dist/cjs/cli.cjs.v8cache,
//                                    V8's code cache for it (made here by rendering every chart once)
//   dist/cjs/load.cjs                loads cli.cjs with that code cache
//   dist/validators/<n>.cjs          the schemas' validators for the ESM build, required when needed
//
// Why CommonJS for the CLI: Node 20 can give a CommonJS script V8's code cache (vm.Script cachedData),
// and cannot do so for ES modules. With it, a cold `render` neither parses nor compiles the renderer
// (or the YAML parser): the cache holds the bytecode of every function a render ran at build time.
// A cache made by another Node version is rejected by V8 and the code simply compiles as usual.
//
// Chart data is compiled in: each chart's Chart.yaml and values.yaml (read by the same loader the
// sources use, so YAML 1.1 typing is identical), values.schema.json, and the schema's validator as
// ajv standalone code. The generated module replaces src/embedded-charts.ts in the bundles; one lazy
// chunk per chart. charts/<name>/ stays the source of truth: rebuild after editing it (`npm test` and
// `npm run bench` build first).
//
// The build writes to a fresh directory and swaps it in at the end, so a test run that is using dist/
// (several people share this tree) sees the old build or the new one, never half of one.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FINAL = join(ROOT, 'dist');
// Inside node_modules so that `yaml` and `ajv` resolve from it, and git never sees a half-done build.
const DIST = join(ROOT, 'node_modules', '.cache', `prefect-charts-build-${process.pid}`);
const EMBEDDED_MODULE = join(ROOT, 'src', 'embedded-charts.ts');
const YAML_LIB_MODULE = join(ROOT, 'src', 'renderer', 'yaml-lib.ts');
const GOTEMPLATE_MODULE = join(ROOT, 'src', 'renderer', 'gotemplate', 'index.ts');

// Leftovers of builds that were killed half-way (their process is gone).
for (const name of existsSync(dirname(DIST)) ? readdirSync(dirname(DIST)) : []) {
  const pid = Number(/^prefect-charts-build-(\d+)$/.exec(name)?.[1]);
  if (!pid || pid === process.pid) continue;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if (e?.code === 'ESRCH') rmSync(join(dirname(DIST), name), { recursive: true, force: true });
  }
}
rmSync(DIST, { recursive: true, force: true });
mkdirSync(DIST, { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: false,
  logLevel: 'warning',
  absWorkingDir: ROOT,
};

/**
 * Load the charts with the sources' own loader: bundle a small entry to a temporary module inside the
 * project (so `yaml` and `ajv` resolve from node_modules) and import it.
 */
async function loadSources() {
  const helper = join(DIST, 'build-helper.mjs');
  await build({
    ...common,
    format: 'esm',
    stdin: {
      contents: [
        "export { readChart, CHART_NAMES } from './src/charts.ts';",
        "export { AJV_OPTIONS, schemaForAjv } from './src/schema/validate.ts';",
        "export { enabledSubcharts, prepareValues } from './src/renderer/render.ts';",
        "export { loadValues } from './src/renderer/values/load.ts';",
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'ts',
    },
    outfile: helper,
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
 * An object literal's `name` read from JSON on first access, then kept as a plain property: a render
 * with no values never reads the chart defaults (the build prepared them), and one with values never
 * reads the prepared defaults; neither pays to parse the other.
 */
function lazyJsonProperty(name, value, what) {
  return `get ${name}() { const value = ${jsonOf(value, what)}; Object.defineProperty(this, ${JSON.stringify(name)}, { value, enumerable: true }); return value; }`;
}

/**
 * The generated chart modules, per chart, for each bundle format, and the validators' code. In the
 * ESM build a validator is dist/validators/<n>.cjs, required when needed; in the CommonJS build it is
 * a module of the bundle (`chart-validator:<n>`), initialised when needed and so in the code cache.
 */
async function chartModules() {
  const { readChart, CHART_NAMES, AJV_OPTIONS, schemaForAjv, enabledSubcharts, prepareValues, loadValues } = await loadSources();
  const { Ajv } = await import('ajv');
  const { default: standaloneCode } = await import('ajv/dist/standalone/index.js');
  const validators = [];
  const validatorIds = new Map(); // schema object → index in validators
  const data = { esm: new Map(), cjs: new Map() };

  /** A chart's data as an object literal's source; `extra` adds members (the top chart's prepared defaults). */
  function emit(chart, path, format, extra = '') {
    let loadValidate = 'undefined';
    if (chart.schema) {
      let id = validatorIds.get(chart.schema);
      if (id === undefined) {
        const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
        const code = standaloneCode(ajv, ajv.compile(schemaForAjv(chart.schema)));
        if (/\brequire\(/.test(code)) throw new Error(`${path}: the schema's validator needs ajv's runtime; not supported`);
        id = validators.push(code) - 1;
        validatorIds.set(chart.schema, id);
      }
      loadValidate = format === 'esm' ? `() => load('../validators/${id}.cjs')` : `() => require('./validator-${id}.cjs')`;
    }
    const subs = chart.subcharts.map((s) => `${JSON.stringify(s.name)}: ${emit(s.chart, `${path}/charts/${s.name}`, format)}`);
    return `{
  metadata: ${jsonOf(chart.metadata, `${path}/Chart.yaml`)},
  ${lazyJsonProperty('defaults', chart.defaults, `${path}/values.yaml`)},
  schemaText: ${chart.schema ? JSON.stringify(JSON.stringify(chart.schema)) : 'undefined'},
  loadValidate: ${loadValidate},
  subcharts: { ${subs.join(', ')} },${extra}
}`;
  }

  /**
   * What a render with no values prepares (LoadedChart.preparedDefaults), as a member's source: the values
   * and warnings prepareValues gives, when they pass the schemas, carry over as JSON, and the enabled
   * subcharts read the same from them as from the probe prepareValues uses.
   */
  function preparedDefaults(chart, path) {
    const warnings = [];
    let prepared;
    try {
      prepared = prepareValues(chart, loadValues({}), (m) => warnings.push(m));
    } catch (e) {
      if (e?.code === 'SCHEMA_INVALID') return undefined;
      throw e;
    }
    const names = (c) => c.subcharts.map((s) => s.name).join(',');
    if (names(enabledSubcharts(chart, prepared.values)) !== names(prepared.chart)) return undefined;
    try {
      return lazyJsonProperty('preparedDefaults', { values: prepared.values, warnings }, `${path} prepared defaults`);
    } catch {
      return undefined;
    }
  }

  for (const name of CHART_NAMES) {
    const chart = await readChart(name, join(ROOT, 'charts'));
    const prepared = `\n  ${preparedDefaults(chart, `charts/${name}`) ?? 'preparedDefaults: undefined'},`;
    data.esm.set(
      name,
      [
        "import { createRequire } from 'node:module';",
        // Chunks live in dist/chunks/, validators in dist/validators/.
        'const load = createRequire(import.meta.url);',
        `export const chart = ${emit(chart, `charts/${name}`, 'esm', prepared)};`,
      ].join('\n'),
    );
    data.cjs.set(name, `exports.chart = ${emit(chart, `charts/${name}`, 'cjs', prepared)};`);
  }
  const entries = (f) => CHART_NAMES.map((n) => `  ${JSON.stringify(n)}: ${f(n)},`).join('\n');
  const index = {
    esm: `export const EMBEDDED = {\n${entries((n) => `() => import('chart-data:${n}')`)}\n};\n`,
    cjs: `export const EMBEDDED = {\n${entries((n) => `async () => require('./data-${n}.cjs')`)}\n};\n`,
  };
  return { index, data, validators };
}

const modules = await chartModules();

/**
 * Replace src/embedded-charts.ts with the generated data: lazily imported chunks in the ESM build;
 * files beside cli.cjs in the CommonJS one (data-<chart>.cjs, validator-<n>.cjs), each with its own
 * code cache, so a render deserializes only what its chart needs.
 */
function embedCharts(format) {
  return {
    name: 'embed-charts',
    setup(b) {
      b.onResolve({ filter: /^chart-data:/ }, (args) => ({ path: args.path, namespace: 'embedded-chart' }));
      b.onResolve({ filter: /^\.\/(data|validator)-[\w.-]+\.cjs$/ }, (args) => ({ path: args.path, external: true }));
      b.onLoad({ filter: /.*/, namespace: 'embedded-chart' }, (args) => {
        const contents = modules.data[format].get(args.path.slice('chart-data:'.length));
        if (contents === undefined) return { errors: [{ text: `no generated module ${args.path}` }] };
        return { contents, loader: 'js', resolveDir: ROOT };
      });
      b.onLoad({ filter: /[\\/]src[\\/]embedded-charts\.ts$/ }, (args) =>
        resolve(args.path) === EMBEDDED_MODULE ? { contents: modules.index[format], loader: 'js', resolveDir: ROOT } : undefined,
      );
    },
  };
}

/**
 * `import { x } from 'node:fs'` in an ES module makes Node build the builtin's ESM facade, which reads
 * every export: node:fs's getters load streams and fs/promises, node:util's load AbortController,
 * node:crypto loads webcrypto: milliseconds at start-up, for functions a render may never call. The
 * ESM bundle takes these builtins' functions through a CommonJS require on first call instead. In
 * the CommonJS bundle a require has no facade, but node:crypto still takes milliseconds to load, and
 * node:net loads the whole streams stack: both are deferred the same way. Only functions are forwarded: importing a class or a constant from them
 * fails the build, on purpose.
 */
function lazyBuiltins(names, format) {
  return {
    name: 'lazy-node-builtins',
    setup(b) {
      const filter = new RegExp(`^(node:)?(${names.join('|')})$`);
      b.onResolve({ filter }, (args) => {
        const name = args.path.replace(/^node:/, '');
        return args.namespace === 'lazy-builtin' ? { path: `node:${name}`, external: true } : { path: name, namespace: 'lazy-builtin' };
      });
      b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, async (args) => {
        const mod = await import(`node:${args.path}`);
        const fns = Object.keys(mod).filter(
          (k) => k !== 'default' && /^[a-z]/.test(k) && typeof Object.getOwnPropertyDescriptor(mod, k)?.value === 'function',
        );
        return {
          contents: [
            format === 'esm' ? "import { createRequire } from 'node:module';" : '',
            'let lib;',
            `const mod = () => (lib ??= ${format === 'esm' ? 'createRequire(import.meta.url)' : 'require'}('node:${args.path}'));`,
            ...fns.map((n) => `export function ${n}(...args) { return mod().${n}(...args); }`),
          ].join('\n'),
          loader: 'js',
          resolveDir: ROOT,
        };
      });
    },
  };
}

/**
 * In the CommonJS CLI, `yaml` is dist/cjs/yaml.cjs (the package bundled into one file), which load.cjs
 * runs with its own code cache when the parser is first needed: renders without values files do
 * not pay for the parser's bytecode, and renders with them do not compile it.
 */
const yamlAsSibling = {
  name: 'yaml-as-sibling',
  setup(b) {
    b.onResolve({ filter: /^(yaml|\.\/yaml\.cjs)$/ }, () => ({ path: './yaml.cjs', external: true }));
    b.onLoad({ filter: /[\\/]src[\\/]renderer[\\/]yaml-lib\.ts$/ }, (args) =>
      resolve(args.path) === YAML_LIB_MODULE
        ? { contents: "let lib; export function yamlLib() { return (lib ??= require('./yaml.cjs')); }", loader: 'js', resolveDir: ROOT }
        : undefined,
    );
  },
};

/**
 * In the CommonJS CLI, the Go template evaluator (`tpl`: parser, executor, sprig's functions) is
 * dist/cjs/gotemplate.cjs, loaded with its own code cache the first time a value's template runs:
 * renders whose values hold no template neither read its code nor set up its function table. Callers
 * get `tpl` and `TemplateError` from a stand-in module; TemplateError is the real class once the
 * evaluator is loaded, which is before any template can have thrown one.
 */
const gotemplateAsSibling = {
  name: 'gotemplate-as-sibling',
  setup(b) {
    b.onResolve({ filter: /^\.\/gotemplate\.cjs$/ }, (args) => ({ path: args.path, external: true }));
    b.onLoad({ filter: /[\\/]src[\\/]renderer[\\/]gotemplate[\\/]index\.ts$/ }, (args) =>
      resolve(args.path) === GOTEMPLATE_MODULE
        ? {
            contents: [
              'let lib;',
              "const load = () => lib ?? ((lib = require('./gotemplate.cjs')), (TemplateError = lib.TemplateError), lib);",
              'export let TemplateError = class TemplateErrorBeforeLoad extends Error {};',
              'export function tpl(text, data, options) { return load().tpl(text, data, options); }',
            ].join('\n'),
            loader: 'js',
            resolveDir: ROOT,
          }
        : undefined,
    );
  },
};

// The API and the ESM CLI.
await build({
  ...common,
  format: 'esm',
  entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts' },
  outdir: DIST,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [embedCharts('esm'), lazyBuiltins(['crypto', 'fs', 'net', 'url', 'util'], 'esm')],
});
mkdirSync(join(DIST, 'validators'), { recursive: true });
modules.validators.forEach((code, id) => writeFileSync(join(DIST, 'validators', `${id}.cjs`), code));

// The CommonJS CLI, and the evaluator and the YAML parser beside it.
const cjsFile = {
  ...common,
  format: 'cjs',
  outdir: join(DIST, 'cjs'),
  outExtension: { '.js': '.cjs' },
  // import.meta.url, worked out only when read (a few modules ask, on paths a plain render does not take).
  define: { 'import.meta.url': '__import_meta.url' },
  banner: { js: '"use strict";var __import_meta = { get url() { return require("node:url").pathToFileURL(__filename).href; } };' },
  // Less text to read and a smaller code cache. Local names are minified too: errors print as messages, and
  // for the stack PREFECT_CHARTS_DEBUG=1 shows, the ES module build (dist/cli.js) keeps every name.
  minifyWhitespace: true,
  minifySyntax: true,
  minifyIdentifiers: true,
};
await build({
  ...cjsFile,
  entryPoints: { cli: 'src/cli/main.ts' },
  plugins: [embedCharts('cjs'), yamlAsSibling, gotemplateAsSibling, lazyBuiltins(['crypto', 'module', 'net'], 'cjs')],
});
// The evaluator (see gotemplateAsSibling).
await build({
  ...cjsFile,
  entryPoints: { gotemplate: GOTEMPLATE_MODULE },
  plugins: [yamlAsSibling, lazyBuiltins(['crypto', 'module', 'net'], 'cjs')],
});
for (const [name, code] of modules.data.cjs) writeFileSync(join(DIST, 'cjs', `data-${name}.cjs`), code);
modules.validators.forEach((code, id) => writeFileSync(join(DIST, 'cjs', `validator-${id}.cjs`), code));
await build({
  ...common,
  format: 'cjs',
  entryPoints: [join(ROOT, 'node_modules', 'yaml', 'dist', 'index.js')],
  outfile: join(DIST, 'cjs', 'yaml.cjs'),
  packages: undefined,
  minifyWhitespace: true,
  minifySyntax: true,
});

// The loader bin/prefect-charts.cjs uses, and the build's warm-up below. It does without node:module,
// whose loading starts Node's ES module loader (about 3 ms): the wrapper is written out here, and a
// package a bundle requires resolves from this file's own require (it sits beside the bundles).
writeFileSync(
  join(DIST, 'cjs', 'load.cjs'),
  `'use strict';
// Runs cli.cjs (and the files it requires from here, when it first asks) with V8's code cache, <file>.v8cache,
// when there is one that fits this Node; V8 checks and rejects one that does not.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');

const scripts = new Map();

/** The bundle's own files (yaml.cjs, data-<chart>.cjs, validator-<n>.cjs, ...) load here, with their caches. */
function localRequire(useCache) {
  const req = (id) => (/^\\.\\/[\\w.-]+\\.cjs$/.test(id) ? sibling(id.slice(2), useCache) : require(id));
  req.resolve = require.resolve;
  req.cache = require.cache;
  return req;
}

/** Runs a CommonJS file of this directory with its code cache; its exports. */
function run(name, useCache) {
  const file = join(__dirname, name);
  let cachedData;
  if (useCache) {
    try {
      cachedData = readFileSync(file + '.v8cache');
    } catch {}
  }
  // esbuild writes ASCII only, so latin1 reads the same text without UTF-8 decoding.
  const source = '(function (exports, require, module, __filename, __dirname) { ' + readFileSync(file, 'latin1') + '\\n});';
  const script = new Script(source, { filename: file, cachedData });
  const module = { exports: {}, filename: file, id: file, loaded: false };
  script.runInThisContext().call(module.exports, module.exports, localRequire(useCache), module, file, __dirname);
  module.loaded = true;
  scripts.set(name, { script, exports: module.exports, rejected: cachedData !== undefined && script.cachedDataRejected === true });
  return module.exports;
}

function sibling(name, useCache) {
  return scripts.has(name) ? scripts.get(name).exports : run(name, useCache);
}

/** The CLI's exports. useCache false: compile from source (the build, making the caches). */
exports.load = function load(useCache = true) {
  return { cli: sibling('cli.cjs', useCache), scripts };
};
`,
);

/**
 * The code cache: a fresh Node process loads cli.cjs, renders every chart (defaults; the worker with
 * its required values; a values file; a schema failure), and saves the bytecode V8 then holds.
 */
function writeCodeCache() {
  const warm = `
    const { load } = require(${JSON.stringify(join(DIST, 'cjs', 'load.cjs'))});
    const { cli, scripts } = load(false);
    const { writeFileSync, mkdtempSync, rmSync } = require('node:fs');
    const { join } = require('node:path');
    const tmp = mkdtempSync(join(require('node:os').tmpdir(), 'prefect-charts-warm-'));
    // A templated annotation: the evaluator (gotemplate.cjs) gets its code cache too.
    writeFileSync(join(tmp, 'values.yaml'), 'server:\\n  replicaCount: 2\\n  env:\\n    - name: A\\n      value: "1"\\ncommonAnnotations:\\n  owner: "{{ .Release.Name }}"\\n');
    const io = { out() {}, err() {}, stdoutIsTTY: false, stderrIsTTY: false, cwd: tmp, env: {} };
    const worker = ['--set', 'worker.config.workPool=p,worker.cloudApiConfig.accountId=a,worker.cloudApiConfig.workspaceId=w'];
    const runs = [
      ['render', 'prefect-server'],
      ['render', 'prefect-server', '-f', 'values.yaml', '--set', 'postgresql.auth.password=x'],
      ['render', 'prefect-worker', ...worker],
      ['render', 'prefect-worker'],
      ['render', 'prefect-agent'],
      ['render', 'prefect-agent', '--set', 'agent.replicaCount=2'],
      ['render', 'prometheus-prefect-exporter'],
      ['render', 'prometheus-prefect-exporter', '--set', 'pagination.limit=all'],
    ];
    (async () => {
      for (const argv of runs) await cli.main(argv, io);
      rmSync(tmp, { recursive: true, force: true });
      for (const [name, { script }] of scripts) writeFileSync(join(${JSON.stringify(join(DIST, 'cjs'))}, name + '.v8cache'), script.createCachedData());
    })().catch((e) => { console.error(e); process.exit(1); });
  `;
  const r = spawnSync(process.execPath, ['-e', warm], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error('making the V8 code cache failed');
}
writeCodeCache();

// Swap the new build in (copied when node_modules is on another file system than the project).
const old = `${FINAL}.old-${process.pid}`;
if (existsSync(FINAL)) renameSync(FINAL, old);
try {
  renameSync(DIST, FINAL);
} catch (e) {
  if (e?.code !== 'EXDEV') throw e;
  cpSync(DIST, FINAL, { recursive: true });
  rmSync(DIST, { recursive: true, force: true });
}
rmSync(old, { recursive: true, force: true });
