// Signs in to Tessera through the Keycloak login page in headless Chromium, checks the home page,
// signs out and checks that Keycloak asks for the password again.
//
//   node signin.mjs URL USERNAME PASSWORD SCREENSHOT.png
//
// Prints one JSON line with what it saw; exits non-zero with a message when a step fails.
import { chromium } from 'playwright-core';

const [url, username, password, screenshot] = process.argv.slice(2);
if (!url || !username || !password) {
  console.error('usage: node signin.mjs URL USERNAME PASSWORD [SCREENSHOT]');
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
  await Promise.all([page.waitForURL((u) => u.toString().startsWith(url)), page.click('#kc-login')]);

  await page.waitForSelector('#welcome');
  seen.homePage = page.url();
  seen.title = await page.title();
  seen.username = (await page.textContent('#username')).trim();
  seen.roles = await page.$$eval('#roles .tag', (els) => els.map((e) => e.textContent.trim()));
  seen.navigation = await page.$$eval('nav.areas > *', (els) => els.map((e) => ({ name: e.textContent.trim(), link: e.tagName === 'A' })));
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });

  await page.click('#sign-out');
  await page.waitForSelector('#kc-login');
  seen.afterSignOut = page.url();
  // The Keycloak session must be gone too: going back to Tessera asks for the password again.
  await page.goto(url);
  await page.waitForSelector('#kc-login');
  seen.signedOutOfKeycloak = true;
  console.log(JSON.stringify(seen));
} catch (e) {
  console.error(`browser sign-in failed: ${e.message}\nseen so far: ${JSON.stringify(seen)}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
