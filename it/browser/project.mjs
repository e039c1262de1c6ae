// Signs in, creates a project from a template on the Projects page and reads the commands its
// anaconda-project.yml declares on the project page, then creates a personal access token on the
// Access tokens page and prints its one-time secret (the test clones with it).
//
//   node project.mjs URL USERNAME PASSWORD PROJECT TEMPLATE
import { chromium } from 'playwright-core';

const [url, username, password, name, template] = process.argv.slice(2);
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
  await page.goto(url + 'projects.xhtml');
  await page.waitForSelector('#kc-login');
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('#kc-login');
  await page.waitForSelector('#create\\:name');
  await page.fill('#create\\:name', name);
  await page.selectOption('#create\\:template', template);
  await Promise.all([page.waitForURL(/project\.xhtml\?id=/), page.click('#create\\:submit')]);
  await page.waitForSelector('#commands');
  seen.project = (await page.textContent('#project-name')).trim();
  seen.gitUrl = (await page.textContent('#git-url')).trim();
  seen.commands = await page.$$eval('#commands .command-name', (els) => els.map((e) => e.textContent.trim()));
  seen.packages = await page.$$eval('#packages .tag', (els) => els.map((e) => e.textContent.trim()));
  await page.click('#access-tokens');
  await page.waitForSelector('#create\\:name');
  await page.fill('#create\\:name', name + '-token');
  await page.fill('#create\\:days', '1');
  await page.click('#create\\:submit');
  await page.waitForSelector('#issued-secret');
  seen.token = (await page.textContent('#issued-secret')).trim();
  seen.tokenRows = await page.$$eval('#tokens tbody tr', (rows) => rows.map((r) => r.textContent));
  console.log(JSON.stringify(seen));
} catch (e) {
  console.error(`project creation failed: ${e.message}\nseen so far: ${JSON.stringify(seen)}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
