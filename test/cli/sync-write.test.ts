import { describe, expect, it } from 'vitest';
import { syncWriter } from '../../bin/cli/sync-write';
import { InputError } from '../../rules/engine/errors';

const failure = (code: string) => Object.assign(new Error(code), { code });

/** A file descriptor that takes at most `max` bytes a call and answers with `script` first. */
function fakeFd(script: string[], max = 4) {
  const received: number[] = [];
  let calls = 0;
  const write = (_fd: number, buffer: Uint8Array, offset: number) => {
    calls++;
    const next = script.shift();
    if (next) throw failure(next);
    const part = buffer.subarray(offset, offset + max);
    received.push(...part);
    return part.length;
  };
  return { write, text: () => Buffer.from(received).toString('utf8'), calls: () => calls };
}

describe('syncWriter (the CLI stdout)', () => {
  it('writes all of the text before returning, through partial writes and a full pipe (EAGAIN)', () => {
    // Arrange
    const fd = fakeFd(['EAGAIN', 'EAGAIN']);
    // Act
    syncWriter(1, fd.write)('héllo, wörld');
    // Assert: 14 bytes in 4-byte parts after two EAGAIN answers.
    expect(fd.text()).toBe('héllo, wörld');
    expect(fd.calls()).toBe(6);
  });

  it('drops everything after the reader hung up (EPIPE) without throwing', () => {
    const fd = fakeFd(['EPIPE']);
    const out = syncWriter(1, fd.write);
    expect(() => out('first')).not.toThrow();
    out('second');
    expect(fd.text()).toBe('');
    expect(fd.calls()).toBe(1);
  });

  it('passes other errors on as the one line the CLI prints, not as an internal error', () => {
    const fd = fakeFd(['ENOSPC']);
    expect(() => syncWriter(1, fd.write)('text')).toThrow(new InputError('cannot write the output: ENOSPC'));
  });
});
