// templates/NOTES.txt: `helm template` prints no notes, but the chart's checks run here: its own
// value validation and the settings prefect-charts does not render.
import type { ChartTemplate } from '../../../../../src/renderer/chart.js';
import { assertSupported, notices, validateValues } from './helpers.js';

export const template: ChartTemplate = {
  path: 'templates/NOTES.txt',
  render(ctx) {
    assertSupported(ctx);
    validateValues(ctx);
    notices(ctx);
    return null;
  },
};
