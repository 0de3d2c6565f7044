// The permission tests' fixture files (compiled code and declared permission blocks).
import { readFileSync } from 'node:fs';

export const fixture = (name: string): string => readFileSync(new URL(`../fixtures/permissions/${name}`, import.meta.url), 'utf8');
