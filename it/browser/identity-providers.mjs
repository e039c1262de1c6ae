// Signs in as an administrator and uses the Identity providers page: an OIDC provider whose
// discovery URL cannot be reached is refused with a readable message, a Google provider is added
// (its redirect URI shown in the table) and removed again.
//
//   node identity-providers.mjs URL USERNAME PASSWORD ALIAS UNREACHABLE_DISCOVERY_URL [SCREENSHOT.png]
//
// Prints one JSON line with the page's messages after each step.
import { chromium } from 'playwright-core';

const [url, username, password, alias, unreachable, screenshot] = process.argv.slice(2);
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
  page.on('dialog', (dialog) => dialog.accept());
  const messages = async () => ((await page.$('#messages')) ? (await page.textContent('#messages')).replace(/\s+/g, ' ').trim() : '');
  const submit = async (locator) => Promise.all([page.waitForEvent('load'), locator.click()]);
  const row = () => page.locator('table.identity-providers tr', { hasText: alias });

  await page.goto(url + 'admin/identity-providers.xhtml');
  await page.waitForSelector('#kc-login');
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('#kc-login');
  await page.waitForSelector('#idp\\:alias');
  seen.navigation = (await page.textContent('nav.admin-nav')).replace(/\s+/g, ' ').trim();

  await page.selectOption('#idp\\:type', 'oidc');
  await page.fill('#idp\\:alias', alias);
  await page.fill('#idp\\:discoveryUrl', unreachable);
  await page.fill('#idp\\:clientId', 'tessera');
  await page.fill('#idp\\:clientSecret', 'secret-1');
  await submit(page.locator('#idp input.save'));
  seen.unreachable = await messages();
  seen.rowsAfterRefusal = await row().count();

  await page.selectOption('#idp\\:type', 'google');
  await page.fill('#idp\\:alias', alias);
  await page.fill('#idp\\:discoveryUrl', '');
  await page.fill('#idp\\:displayName', 'Google (page test)');
  await page.fill('#idp\\:clientId', '1234.apps.googleusercontent.com');
  await page.fill('#idp\\:clientSecret', 'google-Secret-1');
  await submit(page.locator('#idp input.save'));
  seen.added = await messages();
  seen.redirectUri = (await row().locator('.redirect-uri').textContent()).trim();
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });

  await submit(row().locator('input.remove'));
  seen.removed = await messages();
  seen.rowsLeft = await row().count();
  console.log(JSON.stringify(seen));
} catch (e) {
  console.error(`identity providers page failed: ${e.message}\nseen so far: ${JSON.stringify(seen)}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
