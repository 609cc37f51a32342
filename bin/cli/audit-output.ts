import { SNAPSHOT_RESOURCE_ID } from '../../rules/engine/evaluate';
import type { Finding, Status } from '../../rules/engine/types';
import { type AsffScope, toAsff } from '../../rules/report/asff';
import { ChunkedText, indentJson, JsonArrayStream } from '../../rules/report/json-stream';
import type { Summary } from '../../rules/report/summary';
import { formatTable } from '../../rules/report/table';

/** Where an audit's printed findings go, one at a time, then the summary of all of them. */
export interface AuditOutput {
  /** `scope`: the account and region of the finding's snapshot (ASFF needs them; one per region with --live). */
  add(f: Finding, scope?: AsffScope): void;
  end(summary: Summary): void;
}

/** The table sorts what it shows, so it keeps those findings (failures by default) until the end. */
export function tableOutput(write: (text: string) => void, statuses: ReadonlySet<Status>): AuditOutput {
  const shown: Finding[] = [];
  return {
    add: (f) => shown.push(f),
    end: (summary) => write(formatTable(shown, summary, statuses)),
  };
}

/** `{ "findings": [...], "summary": {...} }`, written as the findings come. */
export function jsonOutput(write: (text: string) => void): AuditOutput {
  const out = new ChunkedText(write);
  out.push('{\n  "findings": ');
  const findings = new JsonArrayStream(out, 1);
  return {
    add: (f) => findings.add(f),
    end: (summary) => {
      findings.end();
      out.push(`,\n  "summary": ${indentJson(JSON.stringify(summary, null, 2), '  ')}\n}\n`);
      out.flush();
    },
  };
}

/** The BatchImportFindings array, written as the findings come; none about the snapshot as a whole (no resource to name). */
export function asffOutput(write: (text: string) => void): AuditOutput {
  const out = new ChunkedText(write);
  const findings = new JsonArrayStream(out, 0);
  return {
    add: (f, scope) => {
      if (!scope) throw new Error('asff output needs the account and region of each finding');
      if (f.resourceId !== SNAPSHOT_RESOURCE_ID) findings.add(toAsff(f, scope));
    },
    end: () => {
      findings.end();
      out.push('\n');
      out.flush();
    },
  };
}
