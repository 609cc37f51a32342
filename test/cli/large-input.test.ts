import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectGarbage } from '../../bin/cli/collect-garbage';
import { type CliIo, decodeUtf8, LARGE_INPUT_CHARS, readJsonFile } from '../../bin/cli/io';
import { NOW } from '../helpers';

/** An io whose file is `text`, recording reads and collections in `events`. */
function recordingIo(text: string, events: string[]): CliIo {
  return {
    stdout: () => undefined,
    stderr: () => undefined,
    readFile: () => {
      events.push('read');
      return text;
    },
    isTty: false,
    now: () => NOW,
    collectGarbage: () => events.push('gc'),
  };
}

/** A JSON object of at least `chars` characters (one long string value). */
function jsonOfLength(chars: number): string {
  return `{"Padding": "${'x'.repeat(chars)}"}`;
}

describe('readJsonFile: a large input is let go as soon as it is garbage', () => {
  afterEach(() => vi.restoreAllMocks());

  it('collects once the bytes are decoded, before the parse, for a file of LARGE_INPUT_CHARS or more', () => {
    // Arrange
    const events: string[] = [];
    const parse = JSON.parse;
    vi.spyOn(JSON, 'parse').mockImplementation((text: string) => {
      events.push('parse');
      return parse(text);
    });
    // Act
    const value = readJsonFile(recordingIo(jsonOfLength(LARGE_INPUT_CHARS), events), 's.json', 'snapshot') as { Padding: string };
    // Assert
    expect(events).toEqual(['read', 'gc', 'parse']);
    expect(value.Padding).toHaveLength(LARGE_INPUT_CHARS);
  });

  it('keeps a byte order mark out of a large file\'s value', () => {
    // Arrange
    const events: string[] = [];
    // Act
    const value = readJsonFile(recordingIo(`\uFEFF${jsonOfLength(LARGE_INPUT_CHARS)}`, events), 's.json', 'snapshot');
    // Assert
    expect(Object.keys(value as object)).toEqual(['Padding']);
    expect(events).toEqual(['read', 'gc']);
  });

  it('leaves a small file (a config, the sample account) to V8: no collection', () => {
    // Arrange
    const events: string[] = [];
    // Act
    readJsonFile(recordingIo(jsonOfLength(1000), events), 'c.json', 'config file');
    // Assert
    expect(events).toEqual(['read']);
  });
});

describe('decodeUtf8: a byte order mark is left out of the text, not sliced off it (JSON.parse copies a sliced string)', () => {
  const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

  it('decodes the bytes after the mark', () => {
    // Act
    const text = decodeUtf8(Buffer.concat([BOM, Buffer.from('{"Description": "caf\u00e9"}', 'utf8')]));
    // Assert
    expect(text).toBe('{"Description": "caf\u00e9"}');
  });

  it('still names the first bad byte by its offset in the file, the mark counted', () => {
    // Act
    const decode = () => decodeUtf8(Buffer.concat([BOM, Buffer.from('{"X": "'), Buffer.from([0xe9]), Buffer.from('"}')]));
    // Assert
    expect(decode).toThrow('the file is not UTF-8 text (byte 0xe9 at offset 10); save it as UTF-8');
  });
});

describe('collectGarbage', () => {
  it('collects an object nothing refers to any more', async () => {
    // Arrange: the WeakRef's target is held until the job that made it ends
    const ref = new WeakRef({ unreferenced: true });
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Act
    collectGarbage();
    // Assert
    expect(ref.deref()).toBeUndefined();
  });
});
