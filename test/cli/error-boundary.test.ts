import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeFailure } from '../../src/cli/failure.js';
import { EXIT_BAD_INPUT, EXIT_INTERNAL, StreamgenError } from '../../src/errors.js';

test('a coded error prints its one line and exits with its code; --verbose adds the cause chain', () => {
  const err = new StreamgenError('SG_ERR_OUT_UNWRITABLE', '--out is bad', { cause: new Error('EACCES') });
  assert.deepEqual(describeFailure(err, false), { lines: ['streamgen: --out is bad [SG_ERR_OUT_UNWRITABLE]'], exitCode: EXIT_BAD_INPUT });
  const verbose = describeFailure(err, true);
  assert.equal(verbose.lines.length, 2);
  assert.match(verbose.lines[1], /^ {2}caused by: Error: EACCES/);
});

test('any other error takes the internal-error path: asks for a report, stack only with --verbose', () => {
  const bug = new TypeError('x is undefined');
  const quiet = describeFailure(bug, false);
  assert.equal(quiet.exitCode, EXIT_INTERNAL);
  assert.deepEqual(quiet.lines, [
    'streamgen: unexpected error: x is undefined; this is a bug in streamgen, please report it with the command line and the output of the same command with --verbose [SG_ERR_INTERNAL]',
  ]);
  const verbose = describeFailure(bug, true);
  assert.ok(verbose.lines[1].includes('TypeError: x is undefined') && verbose.lines[1].includes(' at '));
});
