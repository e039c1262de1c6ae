// Signs in to Tessera through another identity provider: on Keycloak's login page of realm
// tessera it clicks the provider's button, signs in on the provider's own login page, lets the
// first-login flow create the user (filling the profile form if Keycloak asks), and reads the
// home page's user name and roles.
//
//   node broker.mjs URL ALIAS USERNAME PASSWORD [SCREENSHOT.png]
//
// Prints one JSON line with what it saw; exits non-zero with a message when a step fails.
import { chromium } from 'playwright-core';

const [url, alias, username, password, screenshot] = process.argv.slice(2);
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

  await page.goto(url);
  await page.waitForSelector('#kc-login');
  seen.providers = await page.$$eval('a[id^="social-"]', (els) => els.map((e) => ({ id: e.id, text: e.textContent.trim() })));
  await Promise.all([page.waitForURL((u) => !u.toString().includes('/realms/tessera/protocol/openid-connect/auth')), page.click(`#social-${alias}`)]);
  await page.waitForSelector('#kc-login');
  seen.providerLoginPage = page.url();
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('#kc-login');

  // The first sign-in may stop at Keycloak's profile review when the provider sent too little.
  await page.waitForSelector('#welcome, input#firstName, input#email');
  if (!(await page.$('#welcome'))) {
    seen.reviewedProfile = true;
    for (const [field, value] of [['email', `${username}@example.org`], ['firstName', username], ['lastName', 'Broker']]) {
      if ((await page.$(`input#${field}`)) && !(await page.inputValue(`input#${field}`))) await page.fill(`input#${field}`, value);
    }
    await page.click('input[type=submit], button[type=submit]');
    await page.waitForSelector('#welcome');
  }
  seen.homePage = page.url();
  seen.username = (await page.textContent('#username')).trim();
  seen.roles = await page.$$eval('#roles .tag', (els) => els.map((e) => e.textContent.trim()));
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
  console.log(JSON.stringify(seen));
} catch (e) {
  console.error(`sign-in through ${alias} failed: ${e.message}\nseen so far: ${JSON.stringify(seen)}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
