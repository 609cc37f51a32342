/**
 * Text that reaches a terminal on one line: ids, keys and messages can quote a snapshot or an
 * argument, which can hold anything, so line breaks and other control characters are escaped;
 * they can then neither split the line (an error, a table row) nor act on the terminal.
 */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
