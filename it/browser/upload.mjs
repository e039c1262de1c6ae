// Signs in, uploads an archive on the Projects page, and opens the first commit's diff from the
// project page's history.
//
//   node upload.mjs URL USERNAME PASSWORD PROJECT ARCHIVE_PATH
import { chromium } from 'playwright-core';

const [url, username, password, name, archive] = process.argv.slice(2);
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
  await page.goto(url + 'projects.xhtml');
  await page.waitForSelector('#kc-login');
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('#kc-login');
  await page.waitForSelector('#upload\\:name');
  await page.fill('#upload\\:name', name);
  await page.setInputFiles('#upload\\:archive', archive);
  await Promise.all([page.waitForURL(/project\.xhtml\?id=/), page.click('#upload\\:submit')]);
  seen.project = (await page.textContent('#project-name')).trim();
  seen.files = await page.$$eval('#files .file-path', (els) => els.map((e) => e.textContent.trim()));
  await Promise.all([page.waitForURL(/commit\.xhtml/), page.click('#history tbody tr a')]);
  seen.diff = await page.textContent('#diff');
  console.log(JSON.stringify(seen));
} catch (e) {
  console.error(`upload failed: ${e.message}\nseen so far: ${JSON.stringify(seen)}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
