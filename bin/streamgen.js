#!/usr/bin/env node
// The installed `streamgen` command: the compiled CLI (npm run build) does everything, including exit codes.
import '../dist/src/cli/main.js';
