// Signs in as an administrator, adds an LDAP directory on the Directories page (after a refused
// periodic sync of 30 s), tests its authentication, syncs it, reads the last sync in the table,
// opens it for editing (reading back its sync periods) and removes it again.
//
//   node directories.mjs URL USERNAME PASSWORD NAME LDAP_URL BIND_DN BIND_PASSWORD USERS_DN
//
// Prints one JSON line with the page's messages after each step.
import { chromium } from 'playwright-core';

const [url, username, password, name, ldapUrl, bindDn, bindPassword, usersDn] = process.argv.slice(2);
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
  const row = () => page.locator('table.directories tr', { hasText: name });

  await page.goto(url + 'admin/directories.xhtml');
  await page.waitForSelector('#kc-login');
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('#kc-login');
  await page.waitForSelector('#directory\\:name');
  await page.fill('#directory\\:name', name);
  await page.selectOption('#directory\\:vendor', 'other');
  await page.fill('#directory\\:connectionUrl', ldapUrl);
  await page.fill('#directory\\:bindDn', bindDn);
  await page.fill('#directory\\:bindCredential', bindPassword);
  await page.fill('#directory\\:usersDn', usersDn);
  await page.fill('#directory\\:fullSyncPeriod', '30');
  await submit(page.locator('#directory input.save'));
  seen.refusedPeriod = await messages();
  await page.fill('#directory\\:bindCredential', bindPassword);
  await page.fill('#directory\\:fullSyncPeriod', '86400');
  await page.fill('#directory\\:changedSyncPeriod', '3600');
  await submit(page.locator('#directory input.save'));
  seen.added = await messages();
  await submit(row().locator('input.test-authentication'));
  seen.authentication = await messages();
  await submit(row().locator('input.sync-full'));
  seen.sync = await messages();
  seen.lastSync = (await row().locator('.last-sync').textContent()).replace(/\s+/g, ' ').trim();
  await submit(row().locator('input.edit'));
  seen.editedPeriods = [await page.inputValue('#directory\\:fullSyncPeriod'), await page.inputValue('#directory\\:changedSyncPeriod')];
  seen.editedStartTls = await page.isChecked('#directory\\:startTls');
  await submit(row().locator('input.remove'));
  seen.removed = await messages();
  seen.rowsLeft = await row().count();
  console.log(JSON.stringify(seen));
} catch (e) {
  console.error(`directories page failed: ${e.message}\nseen so far: ${JSON.stringify(seen)}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
