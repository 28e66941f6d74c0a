// For code scanning: SARIF 2.1.0, one run, every rule described, each result at its file, line and
// column (values files) or, for a manifest, as a logical location.
import { ALL_RULES } from '../catalog.js';
import { subjectMessage } from '../issue.js';
import type { Formatter } from './format.js';

const uri = (file: string): string => file.replaceAll('\\', '/').replace(/^\.\//, '');

export const formatter: Formatter = {
  name: 'sarif',
  format(r) {
    const index = new Map(ALL_RULES.map((rule, i) => [rule.id, i]));
    const results = r.issues.map((i) => {
      const locations: unknown[] = [];
      const file = i.file ?? r.files[r.files.length - 1];
      if (file) {
        locations.push({
          physicalLocation: {
            artifactLocation: { uri: uri(file), uriBaseId: '%SRCROOT%' },
            region: { startLine: i.file ? (i.line ?? 1) : 1, startColumn: i.file ? (i.col ?? 1) : 1 },
          },
          ...(i.manifest ? { logicalLocations: [{ fullyQualifiedName: `${i.manifest.template}#${i.manifest.resource ?? ''}`, kind: 'resource' }] } : {}),
        });
      } else if (i.manifest) {
        locations.push({ logicalLocations: [{ fullyQualifiedName: `${i.manifest.template}#${i.manifest.resource ?? ''}`, kind: 'resource' }] });
      }
      return {
        ruleId: i.rule,
        ruleIndex: index.get(i.rule),
        level: i.severity,
        message: { text: subjectMessage(i) },
        locations,
        ...(i.path ? { properties: { valuePath: i.path } } : {}),
      };
    });
    const log = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: r.tool.name,
              version: r.tool.version,
              ...(r.tool.informationUri ? { informationUri: r.tool.informationUri } : {}),
              rules: ALL_RULES.map((rule) => ({
                id: rule.id,
                name: rule.id,
                shortDescription: { text: rule.reason },
                defaultConfiguration: { level: rule.severity },
              })),
            },
          },
          automationDetails: { id: `prefect-charts/${r.command}/${r.chart}/` },
          results,
        },
      ],
    };
    return JSON.stringify(log, null, 2) + '\n';
  },
};
