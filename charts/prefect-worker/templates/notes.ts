// templates/NOTES.txt: a fixed hint for the user; it checks nothing and renders no manifest.
import type { ChartTemplate } from '../../../src/renderer/chart.js';

export const template: ChartTemplate = {
  path: 'templates/NOTES.txt',
  render() {
    return null;
  },
};
