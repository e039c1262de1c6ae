// Completes an OAuth device authorization in headless Chromium: opens the verification URL that
// `tessera login` printed, signs in on Keycloak's page and approves the device.
//
//   node device.mjs VERIFICATION_URL USERNAME PASSWORD
//
// Prints one JSON line with what it saw; exits non-zero with a message when a step fails.
import { chromium } from 'playwright-core';

const [url, username, password] = process.argv.slice(2);
if (!url || !username || !password) {
  console.error('usage: node device.mjs VERIFICATION_URL USERNAME PASSWORD');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const seen = {};
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(30000);
  await page.goto(url);
  // With verification_uri_complete the code is already filled in; otherwise Keycloak asks for it.
  if (await page.$('#device-user-code')) {
    await page.click('input[type=submit]');
  }
  await page.waitForSelector('#username');
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('#kc-login');
  // Keycloak asks for consent only if the client requires it; then approve.
  await page.waitForLoadState('domcontentloaded');
  if (await page.$('#kc-login') && (await page.content()).includes('grant')) {
    await page.click('#kc-login');
  }
  await page.waitForFunction(() => /success|successful|You may now close/i.test(document.body.innerText));
  seen.done = (await page.textContent('body')).replace(/\s+/g, ' ').trim().slice(0, 200);
  console.log(JSON.stringify(seen));
} catch (e) {
  console.error(`device approval failed: ${e.message}\nseen so far: ${JSON.stringify(seen)}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
