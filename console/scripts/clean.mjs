// Removes the previous build, so stale hashed chunks are never served or counted.
import { rmSync } from 'node:fs';
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
