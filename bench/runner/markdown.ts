/** A bench section as printed: heading, config lines, one markdown table; `data` holds every figure for the JSON file. */
export interface SectionResult {
  readonly title: string;
  readonly notes: readonly string[];
  readonly headers: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
  readonly data: unknown;
}

/** The section as markdown lines: `### title`, notes, blank line, table (none for a section without columns). */
export function renderSection(s: SectionResult): string[] {
  const lines = [`### ${s.title}`, '', ...s.notes.map((n) => `${n}  `)];
  if (s.headers.length === 0) return lines;
  lines.push('');
  lines.push(`| ${s.headers.join(' | ')} |`, `|${s.headers.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
  for (const r of s.rows) lines.push(`| ${r.join(' | ')} |`);
  return lines;
}

/** Integer with thousands separators; '–' when not a finite number. */
export function int(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–';
}

/** Fixed decimals; '–' when not a finite number. */
export function fixed(n: number, digits: number): string {
  return Number.isFinite(n) ? n.toFixed(digits) : '–';
}
