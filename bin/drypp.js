#!/usr/bin/env node
// The drypp CLI, run straight from the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
