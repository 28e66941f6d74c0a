// templates/NOTES.txt: points at the API the agent connects to. Not part of the output, but the URL is
// still worked out, so a value it cannot use fails here too.
import type { ChartTemplate } from '../../../src/renderer/chart.js';
import { apiUrlText } from './helpers.js';

export const template: ChartTemplate = {
  path: 'templates/NOTES.txt',
  render(ctx) {
    apiUrlText(ctx);
    return null;
  },
};
