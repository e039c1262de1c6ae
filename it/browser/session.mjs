// Signs in, opens a project's page, starts a session, and reads the notebook tree that the
// Jupyter Notebook shows inside the session page's frame (served through Tessera's proxy).
//
//   node session.mjs URL USERNAME PASSWORD PROJECT_ID
import { chromium } from 'playwright-core';

const [url, username, password, projectId] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const seen = {};
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(90000);
  // Sign in on the home page first: the query string of a deep link does not survive the
  // sign-in round trip through Keycloak yet (see the README's known limitations).
  await page.goto(url);
  await page.waitForSelector('#kc-login');
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('#kc-login');
  await page.waitForSelector('#signed-in-user');
  await page.goto(`${url}project.xhtml?id=${projectId}`);
  await page.waitForSelector('#session\\:start');
  await Promise.all([page.waitForURL(/session\.xhtml\?id=/), page.click('#session\\:start')]);
  seen.sessionUrl = page.url();
  await page.waitForSelector('iframe#editor');
  const editor = page.frameLocator('iframe#editor');
  await editor.locator('#notebook_list').waitFor();
  await editor.locator('#notebook_list .item_name', { hasText: 'analysis.ipynb' }).first().waitFor();
  seen.files = await editor.locator('#notebook_list .item_name').allTextContents();
  seen.status = (await page.textContent('#session-status')).trim();
  seen.limits = (await page.textContent('#session-limits')).trim();
  seen.memory = (await page.textContent('#session-memory')).trim();
  // Restart from the toolbar (after its confirmation): the page comes back with the editor running again.
  page.once('dialog', (dialog) => dialog.accept());
  await Promise.all([page.waitForNavigation(), page.click('#toolbar\\:restart')]);
  await page.frameLocator('iframe#editor').locator('#notebook_list .item_name', { hasText: 'analysis.ipynb' }).first().waitFor({ timeout: 90000 });
  seen.restartedStatus = (await page.textContent('#session-status')).trim();
  // The administrators' list of every session, reached from the admin navigation.
  await page.goto(`${url}admin/settings.xhtml`);
  await Promise.all([page.waitForURL(/sessions\.xhtml\?all=true/), page.click('nav.admin-nav >> text=Sessions')]);
  const id = seen.sessionUrl.replace(/.*id=/, '');
  const row = page.locator('#sessions tbody tr', { hasText: id });
  seen.listed = { memory: (await row.locator('.session-memory').textContent()).trim(), limits: (await row.locator('.session-limits').textContent()).trim() };
  console.log(JSON.stringify(seen));
} catch (e) {
  console.error(`session page failed: ${e.message}\nseen so far: ${JSON.stringify(seen)}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
