import { type CliIo, decodeUtf8 } from '../../bin/cli/io';
import { run } from '../../bin/cli/program';
import { NOW, perm, sg } from '../helpers';

/** Runs the CLI in-process against an in-memory file system (files: text, bytes, or a value written as JSON). */
export function cli(args: string[], files: Record<string, unknown> = {}, isTty = false) {
  let stdout = '';
  let stderr = '';
  let writes = 0;
  const io: CliIo = {
    stdout: (t) => {
      stdout += t;
      writes++;
    },
    stderr: (t) => {
      stderr += t;
    },
    readFile: (path) => {
      const file = files[path];
      // Bytes go through the decoding the real CLI uses; strings are already text; anything else is JSON.
      if (Buffer.isBuffer(file)) return decodeUtf8(file);
      if (path in files) return typeof file === 'string' ? file : JSON.stringify(file);
      const err = Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      throw err;
    },
    isTty,
    now: () => NOW,
  };
  const code = run(args, io);
  return { code, stdout, stderr, writes };
}

export const open22 = { AccountId: '111122223333', Region: 'eu-west-1', SecurityGroups: [sg('sg-open', [perm('tcp', 22, 22, '0.0.0.0/0')]), sg('sg-closed')] };
export const lowOnly = { SecurityGroups: [sg('sg-a'), sg('sg-b')], NetworkInterfaces: [] };
