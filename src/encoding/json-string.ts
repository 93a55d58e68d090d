/**
 * A string as a JSON string literal, equal to `JSON.stringify(s)`.
 * Most strings the domains quote (ids, names, titles) need no escaping: one scan proves it and the
 * result is the string between quotes. Anything with `"`, `\`, a control character or a lone
 * surrogate (which JSON.stringify writes as `\udXXX`) goes to JSON.stringify.
 */
export function quoteJsonString(s: string): string {
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c) return JSON.stringify(s);
    if (c >= 0xd800 && c <= 0xdfff) {
      // A high surrogate followed by a low one is a well-formed pair and stays as is.
      const next = i + 1 < n ? s.charCodeAt(i + 1) : 0;
      if (c > 0xdbff || next < 0xdc00 || next > 0xdfff) return JSON.stringify(s);
      i++;
    }
  }
  return '"' + s + '"';
}
