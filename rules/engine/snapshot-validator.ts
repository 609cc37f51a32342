import Ajv from 'ajv';
import { SNAPSHOT_AJV_OPTIONS, snapshotJsonSchema } from './snapshot-schema';

/**
 * The snapshot schema compiled to a validator function. Running from source (tests, tsx), the
 * schema is compiled here at first use. scripts/build.mjs replaces this whole module in the
 * bundles with ajv's standalone output for the same schema, so the CLI and the Lambdas neither
 * load the ajv compiler nor pay the compile (~55 ms).
 */
let compiled: ((data: unknown) => boolean) | undefined;

export function snapshotValidator(): (data: unknown) => boolean {
  compiled ??= new Ajv(SNAPSHOT_AJV_OPTIONS).compile(snapshotJsonSchema());
  return compiled;
}
