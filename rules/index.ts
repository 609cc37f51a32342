/** The engine as a library: what the benchmark and other programs embed. */
export { CATALOG, RULE_IDS } from './catalog';
export { evaluate, evaluateInto } from './engine/evaluate';
export { SnapshotModel } from './engine/model';
export { parseSnapshot } from './engine/parse-snapshot';
export { DEFAULT_SETTINGS, parseSettings } from './engine/settings';
export type { Finding, Severity, Status } from './engine/types';
export { summarize } from './report/summary';
export { formatTable } from './report/table';
