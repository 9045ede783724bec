// Page objects for the explorer's layout: where the map, the panel and the
// details of a selection sit on screen, and what the map shows.
import fs from 'node:fs/promises';
import path from 'node:path';
import { AtlasPage } from './pages.mjs';
import { ARTIFACTS } from './browser.mjs';

export class ExplorerLayout extends AtlasPage {
  map() {
    return this.page.locator('.explorer-stage .na-map');
  }

  mapSvg() {
    return this.map().locator('svg.na-map__svg');
  }

  /** The map's view as its viewBox attribute: equal strings, equal view. */
  async mapView() {
    return this.mapSvg().getAttribute('viewBox');
  }

  panel() {
    return this.page.locator('.explorer-panel');
  }

  /** The details of what is selected (place or speaker). */
  selectionPanel() {
    return this.page.locator('.selection-panel');
  }

  closeSelection() {
    return this.selectionPanel().getByRole('link', { name: 'Close the details' });
  }

  /** A place beyond the map's edge, signalled there ("Beyond the map to the east: Russia, 9 mentions"). */
  edgeSignal(name) {
    return this.map().locator(`.na-map__edge[aria-label*=": ${name}, "]`);
  }

  /** The place list's rows as the reader reads them: name and mention count. */
  async listedPlaces() {
    return this.placeList().locator('.place-item').evaluateAll((items) =>
      items.map((li) => ({
        name: li.querySelector('.place-name').textContent.trim(),
        count: Number(li.querySelector('.place-count').textContent),
      })),
    );
  }

  /** True when the element's box lies wholly inside the browser window. */
  async inWindow(locator) {
    const box = await locator.boundingBox();
    const { width, height } = this.page.viewportSize();
    return Boolean(box) && box.y >= -1 && box.x >= -1 && box.y + box.height <= height + 1 && box.x + box.width <= width + 1;
  }

  async scrollY() {
    return this.page.evaluate(() => window.scrollY);
  }

  /** Calls `check` until it returns true, for at most `ms` (conditions, not sleeps). */
  async until(check, what, ms = 5000) {
    const end = Date.now() + ms;
    for (;;) {
      if (await check()) return;
      if (Date.now() > end) throw new Error(`never came true: ${what}`);
      await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
    }
  }

  /** Waits until the map's view stops changing over two frames (measured and fitted). */
  async mapSettled() {
    let last = null;
    await this.until(async () => {
      const now = await this.mapView();
      const same = now !== null && now === last;
      last = now;
      return same;
    }, 'the map view settles');
  }
}

/** A screenshot of what the window shows (a bottom sheet sits where the reader sees it). */
export async function windowShot(page, name) {
  await fs.mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}
