// For GitHub Actions: workflow commands that annotate the values file at the line
// (`::error file=values.yaml,line=12,col=5,title=schema::message`).
import { subjectMessage, whereOf } from '../issue.js';
import type { Formatter } from './format.js';

/** Escaping as the Actions toolkit does for messages and for property values. */
const escapeData = (s: string): string => s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (s: string): string => escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');

export const formatter: Formatter = {
  name: 'github',
  format(r) {
    const lines = r.issues.map((i) => {
      const props: string[] = [];
      if (i.file) props.push(`file=${escapeProperty(i.file)}`);
      if (i.file && i.line) props.push(`line=${i.line}`, `col=${i.col ?? 1}`);
      props.push(`title=${escapeProperty(`${r.chart} ${i.rule}`)}`);
      // Without a file the location goes into the message, so the annotation still says where.
      const where = i.file ? '' : whereOf(i);
      return `::${i.severity} ${props.join(',')}::${escapeData(`${where ? where + ' ' : ''}${subjectMessage(i)}`)}`;
    });
    return lines.length ? lines.join('\n') + '\n' : '';
  },
};
