/**
 * Reading ids out of CloudTrail's requestParameters / responseElements for EC2 calls. CloudTrail
 * writes EC2's Query-API shapes, which come in two styles: older calls are flat and lowerCamel
 * (`{ groupId, ipPermissions: { items: [...] } }`), newer ones are wrapped in the operation's
 * request or response and PascalCase (`{ ModifySecurityGroupRulesRequest: { GroupId } }`,
 * `{ DelTGwVpcAttachReq: { TransitGatewayAttachmentId } }`), and a list of ids may appear as
 * `{ items: [...] }`, as an array, or as `{ content, tag }` items. Matching a key in both cases
 * at any depth reads both styles with one table of key names.
 */
type Json = unknown;

/** Deep enough for RunInstances' instancesSet.items[].networkInterfaceSet.items[].groupSet.items[]. */
const MAX_DEPTH = 10;

/** Every string found under one of `keys` (lowerCamel; the PascalCase twin matches too), in order, deduplicated. */
export function valuesOf(json: Json, keys: readonly string[]): string[] {
  const wanted = new Set(keys.flatMap((k) => [k, k[0].toUpperCase() + k.slice(1)]));
  const found = new Set<string>();
  walk(json, wanted, found, 0);
  return [...found];
}

function walk(json: Json, wanted: Set<string>, found: Set<string>, depth: number): void {
  if (depth > MAX_DEPTH || typeof json !== 'object' || json === null) return;
  if (Array.isArray(json)) {
    for (const item of json) walk(item, wanted, found, depth + 1);
    return;
  }
  for (const [key, value] of Object.entries(json)) {
    if (wanted.has(key)) collect(value, found);
    else walk(value, wanted, found, depth + 1);
  }
}

/** A value under a wanted key: a string, `{ content }`, or a list of either (possibly under `items`). */
function collect(value: Json, found: Set<string>): void {
  if (typeof value === 'string') {
    if (value !== '') found.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collect(item, found);
  } else if (typeof value === 'object' && value !== null) {
    const v = value as Record<string, Json>;
    if ('content' in v) collect(v.content, found);
    else if ('items' in v) collect(v.items, found);
  }
}

/**
 * A key of the object itself or of the one operation wrapper inside it (`XxxRequest`), not
 * deeper: `groupId` of AuthorizeSecurityGroupIngress names the group changed, while deeper
 * `groupId`s name groups its rules reference.
 */
export function topValuesOf(json: Json, keys: readonly string[]): string[] {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return [];
  const shallow = { ...(json as Record<string, Json>) };
  const nested = Object.values(shallow).filter((v) => typeof v === 'object' && v !== null && !Array.isArray(v) && !('items' in v));
  // Only one level of wrapper and only its direct keys: values of nested objects are dropped.
  const direct = (o: Json) => Object.fromEntries(Object.entries(o as Record<string, Json>).filter(([, v]) => typeof v === 'string'));
  return valuesOf([direct(shallow), ...nested.map(direct)], keys);
}
