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
  const found = new Set<string>();
  walk(json, withTwins(keys), found, 0);
  return [...found];
}

/**
 * Like valuesOf, but only strings directly under the object or under the operation wrapper
 * inside it (`ModifySecurityGroupRulesRequest`): `groupId` of AuthorizeSecurityGroupIngress names
 * the group changed, while the `groupId`s deeper in its ipPermissions name groups it references.
 */
export function topValuesOf(json: Json, keys: readonly string[]): string[] {
  if (!isObject(json)) return [];
  const wanted = withTwins(keys);
  const levels = [json, ...Object.values(json).filter((v): v is Record<string, Json> => isObject(v) && !('items' in v))];
  const found = levels.flatMap((o) => Object.entries(o).flatMap(([k, v]) => (wanted.has(k) && typeof v === 'string' && v !== '' ? [v] : [])));
  return [...new Set(found)];
}

const withTwins = (keys: readonly string[]) => new Set(keys.flatMap((k) => [k, k[0].toUpperCase() + k.slice(1)]));

const isObject = (json: Json): json is Record<string, Json> => typeof json === 'object' && json !== null && !Array.isArray(json);

function walk(json: Json, wanted: Set<string>, found: Set<string>, depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(json)) {
    for (const item of json) walk(item, wanted, found, depth + 1);
  } else if (isObject(json)) {
    for (const [key, value] of Object.entries(json)) {
      if (wanted.has(key)) collect(value, found);
      else walk(value, wanted, found, depth + 1);
    }
  }
}

/** A value under a wanted key: a string, `{ content }`, or a list of either (possibly under `items`). */
function collect(value: Json, found: Set<string>): void {
  if (typeof value === 'string') {
    if (value !== '') found.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collect(item, found);
  } else if (isObject(value)) {
    if ('content' in value) collect(value.content, found);
    else if ('items' in value) collect(value.items, found);
  }
}
