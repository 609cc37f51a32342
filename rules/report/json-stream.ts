/**
 * Writing JSON as it is made, in pieces, with the bytes JSON.stringify(value, null, 2) would
 * print for the whole: a 10k-group audit has 130k+ findings, and stringifying them at once
 * held them all plus a ~500 MB string (json peaked at ~840 MB, asff at ~1.5 GB).
 */

/** About this many characters per write: few calls, and a bounded amount of text held. */
const CHUNK_CHARS = 1 << 16;

/** Collects text and hands it to `write` in pieces of about CHUNK_CHARS. */
export class ChunkedText {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly write: (text: string) => void) {}

  push(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK_CHARS) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    this.write(this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}

/** Indents every line after the first of a JSON text (its line breaks are all structure: strings escape theirs). */
export function indentJson(text: string, pad: string): string {
  return text.replaceAll('\n', `\n${pad}`);
}

/**
 * One JSON array, item by item, as JSON.stringify(items, null, 2) prints it when the array sits
 * `depth` levels deep (0: the whole document, 1: a property of the top object).
 */
export class JsonArrayStream {
  private count = 0;
  private readonly pad: string;

  constructor(
    private readonly out: ChunkedText,
    private readonly depth: number,
  ) {
    this.pad = '  '.repeat(depth + 1);
  }

  add(item: unknown): void {
    this.out.push(`${this.count++ === 0 ? '[' : ','}\n${this.pad}${indentJson(JSON.stringify(item, null, 2), this.pad)}`);
  }

  /** Closes the array; an empty one prints as `[]`, as JSON.stringify does. */
  end(): void {
    this.out.push(this.count === 0 ? '[]' : `\n${'  '.repeat(this.depth)}]`);
  }
}
