#!/usr/bin/env node
// The CLI is compiled into the root package's dist/ by `npm ci` (its prepare step runs the build).
await import('../../../dist/apps/cli/src/main.js');
