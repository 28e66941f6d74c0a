// Go value formatting used by the template evaluator and by chart helpers: one import for all of it.
export { isNil, isMap, isTrue, empty, goTypeName, goKindName, sortedKeys, compareGoStrings } from './go-value.js';
export type { GoMap } from './go-value.js';
export { goPrint, goQuote, formatFloatG } from './go-print.js';
export { toJson, goJsonMarshal, jsonString, GoJsonError } from './go-json.js';
export { toYaml, goYamlMarshal, yamlNeedsQuotes } from './go-yaml.js';
