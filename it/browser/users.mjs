// Signs in as an administrator, searches a user on the Users page, reads its source, disables and
// enables it on its page, acts as it (banner on the home page) and stops acting as it; then opens
// the Groups, Sign-in settings (with a refused timeout) and Events pages.
//
//   node users.mjs URL USERNAME PASSWORD USER
//
// Prints one JSON line with what the pages showed after each step.
import { chromium } from 'playwright-core';

const [url, username, password, user] = process.argv.slice(2);
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
  const text = async (selector) => ((await page.$(selector)) ? (await page.textContent(selector)).replace(/\s+/g, ' ').trim() : '');
  const submit = async (locator) => Promise.all([page.waitForEvent('load'), locator.click()]);

  await page.goto(url + 'admin/users.xhtml?search=' + encodeURIComponent(user));
  await page.waitForSelector('#kc-login');
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('#kc-login');
  await page.waitForSelector('#users');
  // Searched again once signed in: the list must be the search's, not the first page of every user
  // (a full test run has more users than one page holds).
  await page.goto(url + 'admin/users.xhtml?search=' + encodeURIComponent(user));
  await page.waitForSelector('#users');
  const row = page.locator('#users tr', { hasText: user });
  seen.listed = await row.count();
  seen.listSource = (await row.first().locator('.source').textContent()).trim();
  await submit(row.first().locator('.username a'));
  seen.source = await text('#source');
  await submit(page.locator('#status-form\\:disable'));
  seen.disabled = await text('#messages');
  seen.statusAfterDisable = await text('#status');
  await submit(page.locator('#status-form\\:enable'));
  seen.statusAfterEnable = await text('#status');
  await submit(page.locator('#status-form\\:impersonate'));
  seen.banner = await text('#impersonation-banner');
  seen.signedInAs = await text('#signed-in-user');
  await page.goto(url + 'admin/users.xhtml');
  seen.adminPageWhileActing = await text('main');
  await submit(page.locator('#stop-impersonating'));
  seen.afterStop = page.url();
  seen.bannerAfterStop = await page.locator('#impersonation-banner').count();
  await page.goto(url + 'admin/groups.xhtml?group=admins');
  seen.groups = await text('#groups');
  seen.members = await text('#members');
  await page.goto(url + 'admin/sign-in.xhtml');
  seen.timeouts = await text('#timeouts-table');
  await page.fill('#timeouts input.timeout-accessTokenLifespan', '999999');
  await submit(page.locator('#timeouts\\:save'));
  seen.invalidTimeout = await text('#messages');
  await page.goto(url + 'admin/events.xhtml?kind=admin&type=UPDATE&size=5');
  seen.adminEvents = await text('#admin-events');
  await page.goto(url + 'admin/events.xhtml?kind=login&from=2026-13-01');
  seen.badDate = await text('#messages');
  await page.goto(url + 'admin/user.xhtml?username=uait-nobody');
  seen.unknownUser = await text('#messages');
  console.log(JSON.stringify(seen));
} catch (e) {
  console.error(`users page failed: ${e.message}\nseen so far: ${JSON.stringify(seen)}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
