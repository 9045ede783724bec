// Page objects: what a reader sees and does, named as they would name it.

export class AtlasPage {
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  /** Opens a route such as '/' or '/a/seed-1' and waits for the app to mount. */
  async open(route = '/') {
    await this.page.goto(`${this.baseUrl}#${route}`);
    await this.page.locator('.site-header').waitFor();
  }

  articleLinks() {
    return this.page.locator('.cards .card-link');
  }

  async openArticleTitled(title) {
    await this.page.getByRole('link', { name: title }).click();
    await this.page.locator('#article-title').waitFor();
  }

  async openTab(name) {
    await this.page.getByRole('navigation', { name: 'Article views' }).getByRole('link', { name, exact: true }).click();
    await this.page.locator('.tab[aria-current="page"]', { hasText: name }).waitFor();
  }

  articleTitle() {
    return this.page.locator('#article-title');
  }

  articleText() {
    return this.page.locator('.article-text');
  }

  mapMarker(name) {
    return this.page.locator(`.na-map [role="button"][aria-label^="${name},"]`);
  }

  placeList() {
    return this.page.locator('#place-groups');
  }

  placeNames() {
    return this.placeList().locator('.place-name');
  }

  placeDetails() {
    return this.page.locator('.place-details');
  }

  async filterPlaces(text) {
    await this.page.getByLabel('Filter').fill(text);
  }

  async sortPlacesBy(label) {
    await this.page.getByLabel('Sort by').selectOption({ label });
  }

  /** The Events tab's timeline: one group per day, each event's figures. */
  eventGroup(heading) {
    return this.page.locator('.event-group', { has: this.page.getByRole('heading', { name: heading }) });
  }

  eventFigures() {
    return this.page.locator('.events .figure');
  }

  notFound() {
    return this.page.getByRole('alert').filter({ hasText: 'Not found' });
  }

  /** Waits until the URL fragment matches `pattern` (views live in the fragment). */
  async waitForView(pattern) {
    await this.page.waitForFunction((source) => new RegExp(source).test(decodeURIComponent(location.hash)), pattern.source);
  }

  /** The Speakers tab's list: speakers grouped by side. */
  speakerList() {
    return this.page.locator('.speaker-index');
  }

  speakerLink(name) {
    return this.speakerList().locator('.speaker-link').filter({ has: this.page.locator('.speaker-name', { hasText: name }) });
  }

  async selectSpeaker(name) {
    await this.speakerLink(name).click();
    await this.speakerDetails().getByRole('heading', { name, exact: true }).waitFor();
  }

  /** The selected speaker (or side) with their statements. */
  speakerDetails() {
    return this.page.locator('.speaker-details');
  }

  statementCards(scope = this.page) {
    return scope.locator('.statement-card');
  }

  /** A speaker's mention in the highlighted article text. */
  speakerHighlight(text) {
    return this.articleText().locator('.hl-speaker', { hasText: text }).first();
  }

  /** Chooses a speaker or side (option label, e.g. 'Russia (side)') for a column of the side-by-side view. */
  async pickForComparison(column, label) {
    await this.page.getByLabel(column === 'left' ? 'Left column' : 'Right column').selectOption({ label });
  }

  comparedContrasts() {
    return this.page.locator('.compare-contrasts .contrast-pair');
  }

  compareRows() {
    return this.page.locator('.compare-rows .compare-row');
  }

  acrossArticlesToggle() {
    return this.page.getByLabel('Compare across all articles');
  }

  /** One speaker's or side's statements across all articles, a column per article. */
  acrossArticles(name) {
    return this.page.locator('.across').filter({ has: this.page.getByRole('heading', { name: `${name} across articles`, exact: true }) });
  }
}
