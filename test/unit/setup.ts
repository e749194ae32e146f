// Root hooks for the unit tests: commands that keep a persisted corpus index (actors, dossier) write
// it under the user's cache folder by default; the tests give them a temp folder, removed at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let cache: string | undefined;
const previous = process.env.XDG_CACHE_HOME;

export const mochaHooks = {
  beforeAll(): void {
    cache = mkdtempSync(join(tmpdir(), 'nca-unit-cache-'));
    process.env.XDG_CACHE_HOME = cache;
  },
  afterAll(): void {
    if (cache) rmSync(cache, { recursive: true, force: true });
    if (previous === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = previous;
  },
};
