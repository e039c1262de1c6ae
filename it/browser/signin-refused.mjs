// Tries to sign in to Tessera through the Keycloak login page with credentials that Keycloak must
// refuse (a disabled account, say), and reports what the login page said.
//
//   node signin-refused.mjs URL USERNAME PASSWORD
//
// Prints one JSON line {loginPage, error, stillOnLogin, reachedTessera}; exits non-zero when a
// step fails (no login page, or neither an error nor Tessera's home page appeared).
import { chromium } from 'playwright-core';

const [url, username, password] = process.argv.slice(2);
if (!url || !username || !password) {
  console.error('usage: node signin-refused.mjs URL USERNAME PASSWORD');
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
  await page.waitForSelector('#kc-login');
  seen.loginPage = page.url();
  await page.fill('#username', username);
  await page.fill('#password', password);
  await Promise.all([page.waitForEvent('load'), page.click('#kc-login')]);

  // Keycloak's themes show a refusal under the field (#input-error) or as an alert.
  const error = '#input-error, #input-error-username, .kc-feedback-text, .pf-v5-c-alert__title, .alert-error';
  await Promise.race([page.waitForSelector(error), page.waitForSelector('#welcome')]);
  seen.reachedTessera = (await page.$('#welcome')) !== null;
  seen.stillOnLogin = (await page.$('#kc-login')) !== null;
  seen.error = (await page.$$eval(error, (els) => els.map((e) => e.textContent.trim()).filter((t) => t).join(' '))).replace(/\s+/g, ' ');
  console.log(JSON.stringify(seen));
} catch (e) {
  console.error(`refused sign-in check failed: ${e.message}\nseen so far: ${JSON.stringify(seen)}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
