import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The browser test files (each an openabm and a Chromium for ~30-60 s) spread evenly among the integration files,
 * with the short unit files last: one worker runs a browser file while the other runs integration files, most of
 * the time, and the run ends on short files instead of on a browser file alone. Vitest's own order (failed, then
 * longest first, else larger files first) is kept within each project.
 */
class BrowserFilesSpreadSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const browser = sorted.filter((spec) => spec.project.name === 'e2e');
    const integration = sorted.filter((spec) => spec.project.name === 'integration');
    const rest = sorted.filter((spec) => spec.project.name !== 'e2e' && spec.project.name !== 'integration');
    const between = integration.length > 0 ? integration : rest;
    if (browser.length === 0 || between.length === 0) return sorted;
    const spread: TestSpecification[] = [];
    browser.forEach((spec, index) => {
      spread.push(spec, ...between.slice(Math.round((index * between.length) / browser.length), Math.round(((index + 1) * between.length) / browser.length)));
    });
    return [...spread, ...(between === integration ? rest : [])];
  }
}

export default defineConfig({
  test: {
    setupFiles: ['src/test/denyOutboundNetwork.ts'],
    globalSetup: ['src/test/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // PGlite instances are memory-hungry; two forks match this machine's two cores.
    pool: 'forks',
    maxWorkers: 2,
    sequence: { sequencer: BrowserFilesSpreadSequencer },
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: ['src/**/*.int.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['src/**/*.int.test.ts'] } },
      // Two workers like the others (each browser file has its own ports, data directory and Chromium profile): with
      // maxWorkers 1 Vitest ran the browser files one by one after every other file, one core mostly idle.
      { extends: true, test: { name: 'e2e', include: ['e2e/**/*.test.ts'] } },
    ],
  },
});
