#!/usr/bin/env node
// Thin launcher: the CLI is bundled into dist/ by `npm run build` (run by `prepare` on npm ci/install).
// It runs dist/cjs/cli.cjs with V8's code cache (see scripts/build.mjs), falling back to the ES module
// build. Output goes straight to the file descriptors (fs.writeSync) instead of process.stdout: setting
// up Node's stdout stream costs more than a whole render of a small chart.
// CommonJS on purpose: an ES module entry starts Node's ESM loader, about 10 ms of CPU before our code runs.
'use strict';

/** Writes all of `text` to fd, falling back to the stream if the fd would block (a non-blocking pipe). */
function writer(fd, stream) {
  const fs = require('node:fs');
  let useStream = false;
  return (text) => {
    if (useStream) return void stream().write(text);
    const buf = Buffer.from(text, 'utf8');
    let off = 0;
    try {
      while (off < buf.length) off += fs.writeSync(fd, buf, off);
    } catch (e) {
      if (e.code !== 'EAGAIN') throw e;
      useStream = true;
      stream().write(buf.subarray(off));
    }
  };
}

/** The CLI's terminal (src/cli/io.ts CliIO), with TTY checks done only if asked. */
function io() {
  const isatty = (fd) => require('node:tty').isatty(fd);
  return {
    out: writer(1, () => process.stdout),
    err: writer(2, () => process.stderr),
    get stdoutIsTTY() {
      return isatty(1);
    },
    get stderrIsTTY() {
      return isatty(2);
    },
    cwd: process.cwd(),
    env: process.env,
  };
}

/** The CLI's main(): the CommonJS build with its code cache, else the ES module build. */
async function loadMain() {
  try {
    return require('../dist/cjs/load.cjs').load().cli.main;
  } catch (e) {
    if (e?.code !== 'MODULE_NOT_FOUND') throw e;
    return (await import('../dist/cli.js')).main;
  }
}

loadMain()
  .then((main) => main(process.argv.slice(2), io()))
  .then((code) => {
    process.exitCode = code;
  });
