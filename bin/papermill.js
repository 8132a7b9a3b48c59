#!/usr/bin/env node
// The command line converter; `npm run build` first (or `npm start`, which builds).
await import('../dist/apps/cli/src/main.js');
