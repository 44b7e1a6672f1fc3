#!/usr/bin/env node
// Placeholder until this package's issue lands: say so plainly rather than pretend.
console.error('This command is not implemented yet.');
process.exitCode = 1;
