import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/**
 * A full garbage collection, now. V8 offers no call for it without --expose-gc, and that flag
 * only equips contexts created after it is set: hence the new context, made once; its gc()
 * collects the whole isolate, this context included.
 */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
