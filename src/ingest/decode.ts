// Bytes → text. UTF-8 (with or without BOM), UTF-16 (BOM, or NUL-byte pattern), and the
// Windows-1252 / ISO-8859-1 of old French archives, told apart by whether the bytes are valid UTF-8.

export class InputError extends Error {
  constructor(
    public readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'InputError';
  }
}

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

export function decodeBytes(bytes: Uint8Array, file = '<input>'): Decoded {
  if (bytes.length === 0) throw new InputError(file, 'the file is empty');
  let encoding: Decoded['encoding'];
  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    body = bytes.subarray(3);
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    body = bytes.subarray(2);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    body = bytes.subarray(2);
  } else {
    encoding = guessWithoutBom(bytes);
  }
  if (encoding === 'utf-8' || encoding === 'windows-1252') {
    if (looksBinary(body)) throw new InputError(file, 'binary data, not text (NUL or control bytes)');
  }
  let text: string;
  try {
    text = encoding === 'windows-1252' ? decodeWindows1252(body) : new TextDecoder(encoding, { fatal: true }).decode(body);
  } catch {
    throw new InputError(file, `not valid ${encoding} text`);
  }
  if (encoding.startsWith('utf-16') && /[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 4096))) {
    throw new InputError(file, 'binary data, not text');
  }
  if (text.trim().length === 0) throw new InputError(file, 'the file holds only white space');
  return { text, encoding };
}

function guessWithoutBom(b: Uint8Array): Decoded['encoding'] {
  // UTF-16 without BOM: every other byte NUL in ASCII-heavy text
  const n = Math.min(b.length, 4096);
  let evenNul = 0,
    oddNul = 0;
  for (let i = 0; i < n; i++) if (b[i] === 0) i % 2 === 0 ? evenNul++ : oddNul++;
  if (n >= 4 && oddNul > n / 4 && evenNul === 0) return 'utf-16le';
  if (n >= 4 && evenNul > n / 4 && oddNul === 0) return 'utf-16be';
  return isValidUtf8(b) ? 'utf-8' : 'windows-1252';
}

export function isValidUtf8(b: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

function looksBinary(b: Uint8Array): boolean {
  const n = Math.min(b.length, 8192);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c === 0) return true;
    if (c < 9 || (c > 13 && c < 32 && c !== 27)) bad++;
  }
  return bad > n * 0.05;
}

// Windows-1252's 0x80–0x9F (where ISO-8859-1 has control codes): typographic quotes, dashes, €, œ…
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Windows-1252 by hand: Node's TextDecoder treats the label as Latin-1 and loses those 32 characters. */
export function decodeWindows1252(b: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < b.length; i += CHUNK) {
    const part = b.subarray(i, i + CHUNK);
    const codes = new Array<number>(part.length);
    for (let k = 0; k < part.length; k++) {
      const c = part[k]!;
      codes[k] = c >= 0x80 && c <= 0x9f ? CP1252_HIGH.charCodeAt(c - 0x80) : c;
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}
