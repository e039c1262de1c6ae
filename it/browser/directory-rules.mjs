// Signs in as an administrator, opens a directory's Group rules page, adds a rule row, saves it,
// previews what it gives a directory user, then tries an unknown role and reads the refusal.
//
//   node directory-rules.mjs URL USERNAME PASSWORD DIRECTORY_ID PATTERN ROLE PREVIEW_USER
//
// Prints one JSON line with what the page showed after each step.
import { chromium } from 'playwright-core';

const [url, username, password, id, pattern, role, previewUser] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const seen = {};
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(60000);
  const text = async (selector) => ((await page.$(selector)) ? (await page.textContent(selector)).replace(/\s+/g, ' ').trim() : '');
  const submit = async (locator) => Promise.all([page.waitForEvent('load'), locator.click()]);

  // Sign in first: the query string of the first page does not survive the trip through Keycloak.
  await page.goto(url + 'admin/directories.xhtml');
  await page.waitForSelector('#kc-login');
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('#kc-login');
  await page.waitForSelector('#directory\\:name');
  await page.goto(url + 'admin/directory-rules.xhtml?id=' + encodeURIComponent(id));
  await page.waitForSelector('#rules\\:add', { timeout: 20000 }).catch(async (e) => {
    throw new Error(e.message + '\npage: ' + (await page.textContent('body')).replace(/\s+/g, ' ').slice(0, 1500));
  });
  await submit(page.locator('#rules\\:add'));
  const last = page.locator('table.group-rules tbody tr').last();
  await last.locator('select').selectOption('cn');
  await last.locator('input[id$=":pattern"]').fill(pattern);
  await last.locator('input[id$=":roles"]').fill(role);
  await submit(page.locator('#rules\\:save'));
  seen.saved = await text('#messages');
  seen.rows = await page.locator('table.group-rules tbody tr').count();

  await page.fill('#rules\\:previewUser', previewUser);
  await submit(page.locator('#rules\\:preview'));
  seen.previewGroups = await text('#rules\\:result');
  seen.previewRoles = await text('.preview-roles');

  await page.locator('table.group-rules tbody tr').last().locator('input[id$=":roles"]').fill('ae-wizard');
  await submit(page.locator('#rules\\:save'));
  seen.refused = await text('#messages');
  seen.mappers = await text('table.mappers');
  console.log(JSON.stringify(seen));
} catch (e) {
  console.error(`group rules page failed: ${e.message}\nseen so far: ${JSON.stringify(seen)}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
