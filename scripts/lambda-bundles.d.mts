// Types of scripts/lambda-bundles.mjs, for the tests that import it.
export declare function handlerNames(root?: string): string[];
export declare const handlerEntry: (name: string) => string;
export declare const bundlePath: (name: string) => string;
