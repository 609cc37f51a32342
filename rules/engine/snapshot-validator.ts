/**
 * The snapshot schema compiled to plain JavaScript. Undefined when running from source (tests,
 * tsx): parse-snapshot.ts then compiles the schema at first use. scripts/build.mjs replaces this
 * module in the bundles with ajv's standalone output for the same schema, so the CLI and the
 * Lambdas pay neither the compile (~55 ms) nor the ajv compiler's load.
 */
export const precompiledValidator: ((data: unknown) => boolean) | undefined = undefined;
