// Who said what, as a reader uses it: the Speakers tab, the side-by-side
// view (two speakers, a side against a speaker, one speaker across the
// bundled articles), and speaker highlights in the text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserSuite } from './support/suite.mjs';
import { openPage, screenshot } from './support/browser.mjs';
import { AtlasPage } from './support/pages.mjs';
import { seriousViolations } from './support/axe.mjs';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 740 };

const suite = useBrowserSuite();

async function open(route, viewport = DESKTOP) {
  const { context, page, errors } = await openPage(suite.browser, { viewport });
  const atlas = new AtlasPage(page, suite.server.url);
  await atlas.open(route);
  await atlas.articleTitle().waitFor();
  return { context, page, errors, atlas };
}

/** Sentence numbers ("In the text, sentence 7") of the cards in `scope`, in page order. */
async function sentenceNumbers(atlas, scope) {
  const links = await atlas.statementCards(scope).locator('.in-text').allTextContents();
  return links.map((t) => Number(t.match(/sentence (\d+)/)[1]));
}

test('selecting a speaker shows their statements in article order, with cue verbs', async () => {
  for (const [viewport, suffix] of [[DESKTOP, 'desktop'], [PHONE, 'phone']]) {
    const { context, page, errors, atlas } = await open('/a/seed-1', viewport);
    await atlas.openTab('Speakers');
    await atlas.speakerList().getByRole('heading', { name: /^Speakers \(\d+\)$/ }).waitFor();
    // Grouped by side, with readable side names.
    const sides = await atlas.speakerList().locator('.side-link > span:first-child').allTextContents();
    assert.ok(sides.includes('Ukraine') && sides.includes('Russia'), sides.join(', '));
    await atlas.selectSpeaker('Volodymyr Zelenskyy');
    await atlas.waitForView(/\/speaker\/volodymyr-zelenskyy$/);
    const details = atlas.speakerDetails();
    assert.match(await details.locator('.speaker-facts').textContent(), /Ukrainian President.*Side: Ukraine/);
    const cards = atlas.statementCards(details);
    assert.ok((await cards.count()) >= 3, 'Zelenskyy speaks several times');
    const cues = await cards.locator('.cue').allTextContents();
    assert.ok(cues.some((c) => /said/.test(c)) && cues.some((c) => /insisted/.test(c)), cues.join(' | '));
    const numbers = await sentenceNumbers(atlas, details);
    assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b), 'statements are in article order');
    assert.ok(await cards.locator('.stance').first().isVisible(), 'each statement shows its stance');
    await screenshot(page, `speakers-${suffix}`);
    if (suffix === 'desktop') {
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot(page, 'speakers-desktop-dark');
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test("a statement's “in the text” link goes to its sentence", async () => {
  const { context, page, errors, atlas } = await open('/a/seed-1/speaker/dmitry-peskov');
  const card = atlas.statementCards(atlas.speakerDetails()).first();
  const cue = (await card.locator('.cue').textContent()).replace('Cue verb: ', '');
  const link = card.locator('.in-text');
  const n = Number((await link.textContent()).match(/sentence (\d+)/)[1]);
  await link.focus();
  await page.keyboard.press('Enter');
  await atlas.waitForView(new RegExp(`/sentence/${n - 1}$`));
  const sentence = atlas.articleText().locator(`#s-${n - 1}.selected`);
  await sentence.waitFor();
  assert.equal(await sentence.getAttribute('aria-current'), 'true');
  assert.ok((await sentence.textContent()).includes(cue), `the sentence holds the cue “${cue}”`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('clicking a speaker highlight in the text selects that speaker', async () => {
  for (const [viewport, suffix] of [[DESKTOP, 'desktop'], [PHONE, 'phone']]) {
    const { context, page, errors, atlas } = await open('/a/seed-1/text', viewport);
    await atlas.articleText().waitFor();
    // Places, speakers and quotes are marked, each in its own style.
    assert.ok((await atlas.articleText().locator('.hl-place').count()) > 0);
    assert.ok((await atlas.articleText().locator('.hl-speaker').count()) > 0);
    assert.ok((await atlas.articleText().locator('.hl-quote').count()) > 0);
    await screenshot(page, `text-highlights-${suffix}`);
    await atlas.speakerHighlight('Dmitry Peskov').click();
    await atlas.waitForView(/\/text\/speaker\/dmitry-peskov$/);
    await atlas.speakerDetails().getByRole('heading', { name: 'Dmitry Peskov', exact: true }).waitFor();
    // The details show beside the text, which stays on its tab.
    assert.equal(await page.locator('.tab[aria-current="page"]').textContent(), 'Text');
    assert.ok((await atlas.articleText().locator('.hl-speaker.selected').count()) > 0);
    // A quote links to whoever said it.
    await page.goBack();
    const quote = atlas.articleText().locator('.hl-quote-link').first();
    const title = await quote.locator('xpath=..').getAttribute('title');
    await quote.click();
    await atlas.waitForView(/\/speaker\/[a-z0-9-]+$/);
    await atlas.speakerDetails().getByRole('heading', { name: title.replace('Quoted: ', ''), exact: true }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('select Gerasimov and Zelenskyy side by side and see the Pokrovsk contrast', async () => {
  for (const [viewport, suffix] of [[DESKTOP, 'desktop'], [PHONE, 'phone']]) {
    const { context, page, errors, atlas } = await open('/a/seed-1', viewport);
    await atlas.openTab('Side by side');
    await atlas.pickForComparison('left', 'Valery Gerasimov');
    await atlas.pickForComparison('right', 'Volodymyr Zelenskyy');
    await atlas.waitForView(/\/compare\/valery-gerasimov\/volodymyr-zelenskyy$/);
    const pair = atlas.comparedContrasts().filter({ hasText: 'Pokrovsk' }).first();
    await pair.waitFor();
    assert.match(await pair.locator('.contrast-reason').textContent(), /Gerasimov.*Zelenskyy/);
    const speakers = await pair.locator('.statement-speaker').allTextContents();
    assert.match(speakers[0], /^Valery Gerasimov/, 'the left pick stays on the left');
    assert.match(speakers[1], /^Volodymyr Zelenskyy/);
    assert.equal(await pair.locator('.in-text').count(), 2, 'each statement links to its sentence');
    // All their statements, in rows by shared place: Pokrovsk has both.
    const pokrovsk = atlas.compareRows().filter({ has: page.getByRole('heading', { name: /^Pokrovsk/ }) });
    assert.equal(await pokrovsk.count(), 1);
    assert.equal(await pokrovsk.locator('.cell').count(), 2);
    await screenshot(page, `compare-${suffix}`);
    // The swap button works from the keyboard and keeps the URL in step.
    await page.getByRole('button', { name: 'Swap the columns' }).focus();
    await page.keyboard.press('Enter');
    await atlas.waitForView(/\/compare\/volodymyr-zelenskyy\/valery-gerasimov$/);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the pickers work from the keyboard alone and keep focus as the URL changes', async () => {
  const { context, page, errors, atlas } = await open('/a/seed-1/compare');
  const left = page.getByLabel('Left column');
  const right = page.getByLabel('Right column');
  await left.focus();
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.activeElement?.value !== '');
  assert.doesNotMatch(page.url(), /compare\/[^/]+\/[^/]+$/, 'one pick waits for the other');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await right.evaluate((el) => el === document.activeElement), true, 'Tab reaches the right picker past the swap button');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  // Two different slugs: the first ArrowDown may pick the left one's twin.
  await atlas.waitForView(/\/compare\/([a-z0-9-]+)\/(?!\1$)[a-z0-9-]+$/);
  await page.locator('.compare-columns').waitFor();
  assert.equal(await right.evaluate((el) => el === document.activeElement), true, 'focus stays on the picker');
  assert.notEqual(await left.inputValue(), await right.inputValue());
  assert.deepEqual(errors, []);
  await context.close();
});

test('Russia (side) vs Zelenskyy', async () => {
  const { context, page, errors, atlas } = await open('/a/seed-1/compare');
  await atlas.pickForComparison('left', 'Russia (side)');
  await atlas.pickForComparison('right', 'Volodymyr Zelenskyy');
  await atlas.waitForView(/\/compare\/side-ru\/volodymyr-zelenskyy$/);
  await atlas.comparedContrasts().first().waitFor();
  const topics = await atlas.comparedContrasts().locator('.contrast-topic').allTextContents();
  assert.ok(topics.length >= 2, topics.join(' | '));
  assert.ok(topics.some((t) => /Pokrovsk/.test(t)), topics.join(' | '));
  // A side's column names who speaks in each statement.
  const left = await atlas.comparedContrasts().locator('.cell:first-child .statement-speaker').allTextContents();
  assert.ok(left.length > 0 && left.every((s) => !/Zelenskyy/.test(s)), left.join(' | '));
  await screenshot(page, 'compare-side-desktop');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'compare-side-desktop-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  // Reloading the shared link shows the same pair.
  await page.reload();
  await atlas.comparedContrasts().first().waitFor();
  assert.equal(await page.getByLabel('Left column').inputValue(), 'side-ru');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the same speaker across both bundled articles, oldest first', async () => {
  for (const [viewport, suffix] of [[DESKTOP, 'desktop'], [PHONE, 'phone']]) {
    const { context, page, errors, atlas } = await open('/a/seed-1/compare/volodymyr-zelenskyy/side-ru', viewport);
    await atlas.comparedContrasts().first().waitFor();
    await atlas.acrossArticlesToggle().check();
    const across = atlas.acrossArticles('Volodymyr Zelenskyy');
    await across.waitFor();
    const columns = across.locator('.across-col');
    assert.equal(await columns.count(), 2, 'a column per bundled article');
    const dates = await columns.locator('.across-date').allTextContents();
    assert.deepEqual(dates.map((d) => d.slice(0, 10)), ['2025-03-17', '2025-12-01']);
    for (let i = 0; i < 2; i += 1) {
      assert.ok((await atlas.statementCards(columns.nth(i)).count()) > 0, `Zelenskyy speaks in article ${i + 1}`);
    }
    // The other column's statements link into their own article.
    const href = await atlas.statementCards(columns.nth(0)).first().locator('.in-text').getAttribute('href');
    assert.match(href, /#\/a\/seed-2\/sentence\/\d+$/);
    await atlas.acrossArticles('Russia').waitFor();
    await screenshot(page, `compare-across-${suffix}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('links to unknown speakers and pairs explain themselves instead of failing', async () => {
  const { context, errors, atlas, page } = await open('/a/seed-1/speaker/nobody-here');
  await page.getByRole('status').filter({ hasText: 'No speaker “nobody-here”' }).waitFor();
  await atlas.speakerList().waitFor();
  await atlas.open('/a/seed-2/compare/side-zz/nobody-here');
  await page.getByRole('status').filter({ hasText: '“side-zz” says nothing in this article' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

const VIEWS = [
  ['speakers', '/a/seed-1/speaker/volodymyr-zelenskyy', '.speaker-details'],
  ['compare-start', '/a/seed-2/compare', '.compare-panel'],
  ['compare-pair', '/a/seed-1/compare/side-ru/volodymyr-zelenskyy', '.compare-contrasts'],
  ['text-speaker', '/a/seed-2/text/speaker/donald-trump', '.hl-speaker.selected'],
];

for (const [name, route, ready] of VIEWS) {
  test(`accessibility: no serious or critical axe violations on ${name}, light and dark`, async () => {
    const { context, page, errors, atlas } = await open(route);
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      await atlas.open(route);
      await page.locator(ready).first().waitFor();
      assert.deepEqual(await seriousViolations(page), [], `${name} (${scheme})`);
    }
    await screenshot(page, `${name}-desktop-dark`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`phone layout: ${name} at 375 px fits without sideways scrolling`, async () => {
    const { context, page, errors } = await open(route, PHONE);
    await page.locator(ready).first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `page is ${overflow}px wider than the screen`);
    await screenshot(page, `${name}-phone`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
