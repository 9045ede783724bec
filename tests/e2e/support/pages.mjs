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

  notFound() {
    return this.page.getByRole('alert').filter({ hasText: 'Not found' });
  }
}
