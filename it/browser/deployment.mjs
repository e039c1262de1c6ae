// Opens a deployment's URL without being signed in: Tessera sends the browser through the sign-in
// and back to the deployment, where the deployed notebook renders. Then reads the Deployments page
// and generates a token on the deployment's page, reads its variables there and sees a redeploy
// with a malformed variable line refused.
//
//   node deployment.mjs URL USERNAME PASSWORD DEPLOYMENT_PATH
import { chromium } from 'playwright-core';

const [url, username, password, path] = process.argv.slice(2);
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
  await page.goto(new URL(path, url).toString());
  await page.waitForSelector('#kc-login');
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('#kc-login');
  await page.waitForSelector('#notebook-container .cell');
  seen.url = page.url();
  seen.cells = await page.locator('#notebook-container .cell').count();
  await page.goto(`${url}deployments.xhtml`);
  seen.list = (await page.textContent('#deployments')).replace(/\s+/g, ' ').trim();
  // The deployment's page: its status, then a token generated from its settings.
  const name = path.split('/').filter(Boolean)[1];
  await Promise.all([page.waitForURL(/deployment\.xhtml\?id=/), page.click(`#deployments a:text-is("${name}")`)]);
  seen.status = (await page.textContent('#deployment-status')).trim();
  await page.click('#tokens\\:generate');
  await page.waitForSelector('#new-token');
  seen.token = (await page.textContent('#new-token code')).trim();
  seen.variables = await page.inputValue('#version\\:variables');
  page.on('dialog', (dialog) => dialog.accept());
  await page.fill('#version\\:variables', 'MODE=read-only\nnot a variable');
  await Promise.all([page.waitForEvent('load'), page.click('#version\\:redeploy')]);
  seen.refusedVariables = (await page.textContent('#messages')).replace(/\s+/g, ' ').trim();
  console.log(JSON.stringify(seen));
} catch (e) {
  console.error(`deployment page failed: ${e.message}\nseen so far: ${JSON.stringify(seen)}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
