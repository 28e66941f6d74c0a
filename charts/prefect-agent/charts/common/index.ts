// bitnami common 2.20.5 as a dependency: a library chart, so nothing to render; it is listed as a subchart
// because helm coalesces its values (and the parent's globals) like any other dependency's.
import type { ChartModule } from '../../../../src/renderer/chart.js';

export const chart: ChartModule = { commonVersion: '2.20.5', templates: [] };
