// One server of dist/ and one Chromium per test file, started before its
// tests and stopped after them.
import { before, after } from 'node:test';
import { serveDist } from './server.mjs';
import { launch } from './browser.mjs';

/** Registers the file's before/after hooks; `suite.server` and `suite.browser` are set once they ran. */
export function useBrowserSuite() {
  const suite = { server: null, browser: null };
  before(async () => {
    suite.server = await serveDist();
    suite.browser = await launch();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
