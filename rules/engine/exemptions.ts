import type { Tag } from './snapshot-schema';

export const EXEMPT_TAG = 'vpc-auditor:exempt';
export const EXEMPT_UNTIL_TAG = 'vpc-auditor:exempt-until';

export type Exemption =
  | { exempt: true; value: string; until?: string }
  | { exempt: false; lapsed?: { value: string; until: string; reason: string } };

/** The exemption tags of one resource, read once and asked about each rule. */
export interface ExemptionTags {
  value: string;
  all: boolean;
  ruleIds: Set<string>;
  /** `exempt-until` as written, and the epoch ms at which it lapses (parsed once per resource; null when it is not an ISO date). */
  until?: { text: string; expiry: number | null };
}

export function readExemptionTags(tags: Tag[] | undefined): ExemptionTags | undefined {
  const value = tagValue(tags, EXEMPT_TAG);
  if (value === undefined) return undefined;
  const names = value.split(',').map((s) => s.trim().toLowerCase());
  const text = tagValue(tags, EXEMPT_UNTIL_TAG);
  return { value, all: names.includes('all'), ruleIds: new Set(names), until: text === undefined ? undefined : { text, expiry: expiryOf(text) } };
}

/**
 * Whether the tags exempt the resource from a rule (design.md "Tags"): `all` or a comma list
 * naming the rule (case and spaces ignored) exempts it until `exempt-until` has passed. A
 * date-only `exempt-until` covers that whole UTC day. An unreadable date exempts nothing: an
 * exemption must never outlive what its author wrote.
 */
export function exemptionOf(read: ExemptionTags | undefined, ruleId: string, now: Date): Exemption {
  if (read === undefined || !(read.all || read.ruleIds.has(ruleId))) return { exempt: false };
  const { value, until } = read;
  if (until === undefined) return { exempt: true, value };
  const { text, expiry } = until;
  if (expiry === null) return { exempt: false, lapsed: { value, until: text, reason: `${EXEMPT_UNTIL_TAG} is not an ISO date` } };
  if (now.getTime() >= expiry) return { exempt: false, lapsed: { value, until: text, reason: 'exemption expired' } };
  return { exempt: true, value, until: text };
}

function tagValue(tags: Tag[] | undefined, key: string): string | undefined {
  if (!tags) return undefined;
  for (const t of tags) if (t.Key === key) return t.Value;
  return undefined;
}

const ISO = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?(Z|[+-]\d{2}:\d{2})?$/;
/** ISO 8601 basic form: 20261231, 20261231T1200, 20261231T120000Z, 20261231T120000+0200. */
const ISO_BASIC = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(?:(\d{2})(\.\d{1,9})?)?)?(Z|[+-]\d{2}(?:\d{2})?)?$/;

/** A basic-form value rewritten in the extended form ISO reads (the extended form as it is). */
function extendedForm(text: string): string {
  const m = ISO_BASIC.exec(text);
  if (!m) return text;
  const [, year, month, day, hour, minute, second, fraction, offset] = m;
  let out = `${year}-${month}-${day}`;
  if (hour !== undefined) out += `T${hour}:${minute}${second === undefined ? '' : `:${second}${fraction ?? ''}`}`;
  if (offset !== undefined) out += offset === 'Z' ? 'Z' : `${offset.slice(0, 3)}:${offset.slice(3) || '00'}`;
  return out;
}

/**
 * Epoch ms at which the exemption lapses, or null when the value is not an ISO date, in the
 * extended (2026-12-31) or basic (20261231) form. A date covers its whole UTC day; a time without
 * an offset is UTC (never the host's zone, so a verdict does not depend on where it runs).
 * Impossible dates (2026-11-31) are not dates: Date.parse would roll them over.
 */
function expiryOf(until: string): number | null {
  const m = ISO.exec(extendedForm(until.trim()));
  if (!m) return null;
  const [, day, time, offset] = m;
  const dayStart = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(dayStart) || new Date(dayStart).toISOString().slice(0, 10) !== day) return null;
  if (!time) return offset ? null : dayStart + 24 * 3600 * 1000;
  const at = Date.parse(`${day}${time}${offset ?? 'Z'}`);
  return Number.isNaN(at) ? null : at;
}
