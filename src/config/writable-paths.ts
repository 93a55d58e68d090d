import { constants as fsConstants } from 'node:fs';
import { access, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { StreamgenError } from '../errors.js';
import { shown } from './messages.js';

const errnoOf = (err: unknown): string => (err as NodeJS.ErrnoException).code ?? String(err);

/**
 * Create `dir` (with parents) and prove it writable by creating and removing a probe file, so a run never
 * fails on its first write after minutes of setup. `written` is the path as the user gave it.
 */
export async function ensureWritableDir(dir: string, field: string, written: string): Promise<void> {
  const probe = join(dir, `.streamgen-probe-${process.pid}-${Date.now().toString(36)}`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(probe, '', { flag: 'wx' });
    await rm(probe);
  } catch (err) {
    throw new StreamgenError('SG_ERR_OUT_UNWRITABLE', `${field} must be a directory streamgen can create and write; got ${shown(written)} (${errnoOf(err)})`, { cause: err });
  }
}

/** The report is written at the end of a run: check now that its directory exists and is writable, creating nothing. */
export async function checkReportPath(path: string, field: string, written: string): Promise<void> {
  try {
    if (!(await stat(dirname(path))).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    await access(dirname(path), fsConstants.W_OK);
    const existing = await stat(path).catch(() => null);
    if (existing?.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  } catch (err) {
    throw new StreamgenError('SG_ERR_OUT_UNWRITABLE', `${field} must be a file in an existing, writable directory; got ${shown(written)} (${errnoOf(err)})`, { cause: err });
  }
}
