// The checks upstream keeps in templates/_validation.tpl and runs from NOTES.txt: the Prefect version
// needed to run background services on their own, and settings that no longer exist.
import type { RenderContext } from '../../../src/renderer/context.js';
import { fail, isTrue } from '../../../src/renderer/helpers/index.js';
import { needString, val } from './helpers.js';

/** The oldest Prefect release whose server can start without its services (`--no-services`). */
const MIN_SEPARATE_SERVICES: readonly [number, number, number] = [3, 1, 13];

/** sprig `atoi` on a run of digits: out of int64 range is 0, as strconv.Atoi's error gives. */
function atoi(digits: string): bigint {
  const n = BigInt(digits);
  return n > 9223372036854775807n ? 0n : n;
}

/** prefect-server.validatePrefectVersion */
export function validatePrefectVersion(ctx: RenderContext): void {
  if (!isTrue(val(ctx, 'backgroundServices.runAsSeparateDeployment'))) return;
  const tag = needString(val(ctx, 'global.prefect.image.prefectTag'), 'regexMatch', 'global.prefect.image.prefectTag');
  if (!/^[0-9]+/.test(tag)) {
    fail('When running background services separately, Prefect tag must start with a version number');
  }
  const version = /^[0-9]+\.[0-9]+\.[0-9]+/.exec(tag)?.[0];
  if (!version) fail('When running background services separately, Prefect tag must be in format X.Y.Z');
  const [major, minor, patch] = version.split('.').map(atoi);
  const [minMajor, minMinor, minPatch] = MIN_SEPARATE_SERVICES.map(BigInt);
  const tooOld =
    major < minMajor ||
    (major === minMajor && minor < minMinor) ||
    (major === minMajor && minor === minMinor && patch < minPatch);
  if (tooOld) fail('When running background services separately, Prefect version must be 3.1.13 or higher');
}

/** prefect-server.validatePrefectServerApiSettings: settings removed from the chart fail with where to go instead. */
export function validatePrefectServerApiSettings(ctx: RenderContext): void {
  if (isTrue(val(ctx, 'global.prefect.prefectApiUrl'))) {
    fail('`global.prefect.prefectApiUrl` has been removed. Please use `server.uiConfig.prefectUiApiUrl` instead.');
  }
  if (isTrue(val(ctx, 'global.prefect.prefectApiHost'))) {
    fail('`global.prefect.prefectApiHost` has been removed. Please use `server.uiConfig.prefectUiApiUrl` instead.');
  }
  if (isTrue(val(ctx, 'server.uiConfig.prefectUiUrl'))) {
    fail(
      '`server.uiConfig.prefectUiUrl` has been removed. This value was used solely for the purposes of printing out ' +
        'the UI URL during the installation process. It will now infer the UI URL from the `prefectUiApiUrl` value.',
    );
  }
}
