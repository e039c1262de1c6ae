// The channel pages end to end: the owner creates a private conda channel, uploads a package and
// reads its package page; shares the channel read-only with a reader, who sees it but gets no
// Upload form; then the owner deletes the version.
//
// An administrator then sets the channel as a default channel on the settings page (an unknown
// name is refused first) and clears it again.
//
//   node channels.mjs URL OWNER OWNER_PASSWORD READER READER_PASSWORD CHANNEL PACKAGE_FILE ADMIN ADMIN_PASSWORD
import { chromium } from 'playwright-core';

const [url, owner, ownerPassword, reader, readerPassword, channel, packageFile, admin, adminPassword] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const seen = {};

async function signIn(username, password, path) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(60000);
  page.on('dialog', (dialog) => dialog.accept());
  await page.goto(url + path);
  await page.waitForSelector('#kc-login');
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('#kc-login');
  return page;
}

const texts = (page, selector) => page.$$eval(selector, (els) => els.map((e) => e.textContent.trim()));

try {
  // The owner creates a private channel from the Channels page, linked in the navigation.
  const page = await signIn(owner, ownerPassword, '');
  await Promise.all([page.waitForURL(/channels\.xhtml/), page.click('nav.areas a:has-text("Channels")')]);
  // A name a channel may not have is refused with a message, and nothing is created.
  await page.fill('#create\\:name', 'Bad name!');
  await Promise.all([page.waitForNavigation(), page.click('#create\\:submit')]);
  seen.badName = (await page.textContent('#messages .error')).trim();
  await page.fill('#create\\:name', channel);
  await page.selectOption('#create\\:type', 'conda');
  seen.publicByDefault = await page.isChecked('#create\\:public');
  await page.uncheck('#create\\:public');
  await Promise.all([page.waitForURL(/channel\.xhtml\?name=/), page.click('#create\\:submit')]);
  seen.created = (await page.textContent('#messages')).trim();
  seen.channelUrl = (await page.textContent('#channel-url')).trim();
  seen.tokenUrl = (await page.textContent('#token-url')).trim();

  // Upload, then the package is listed with its platform and version.
  await page.setInputFiles('#upload\\:file', packageFile);
  await Promise.all([page.waitForNavigation(), page.click('#upload\\:submit')]);
  seen.uploaded = (await page.textContent('#messages')).trim();
  seen.packages = await texts(page, '#packages .package-name');
  seen.platforms = await texts(page, '#packages .package-platforms');
  seen.versions = await texts(page, '#packages .package-versions');

  // A second upload of the same file is refused with a readable message.
  await page.setInputFiles('#upload\\:file', packageFile);
  await Promise.all([page.waitForNavigation(), page.click('#upload\\:submit')]);
  seen.duplicate = (await page.textContent('#messages .error')).trim();

  // The filter box.
  await page.fill('#filter', 'no-such-package');
  await Promise.all([page.waitForNavigation(), page.click('#filter-submit')]);
  seen.filteredOut = await texts(page, '#packages .package-name');
  await page.fill('#filter', seen.packages[0].slice(0, 3));
  await Promise.all([page.waitForNavigation(), page.click('#filter-submit')]);
  seen.filteredIn = await texts(page, '#packages .package-name');

  // The package page: files and the install command.
  await Promise.all([page.waitForURL(/package\.xhtml/), page.click('#packages .package-name')]);
  seen.installCommand = (await page.textContent('#install-command')).trim();
  seen.files = await texts(page, '.file-row .file-name');
  seen.subdirs = await texts(page, '.file-row .file-subdir');
  seen.sha256 = await texts(page, '.file-row .sha256');

  // The file's link downloads it in the signed-in browser.
  const href = await page.getAttribute('.file-row .file-name', 'href');
  const download = await page.request.get(new URL(href, url).toString());
  seen.downloadStatus = download.status();
  seen.downloadBytes = (await download.body()).length;

  // Share read-only with the reader (the form defaults to read-write).
  await page.goto(url + 'channel.xhtml?name=' + channel);
  seen.defaultLevel = await page.inputValue('#add-share\\:level');
  await page.fill('#add-share\\:principal', reader);
  await page.selectOption('#add-share\\:level', 'read');
  await Promise.all([page.waitForNavigation(), page.click('#add-share\\:add')]);
  seen.shares = await texts(page, '#shares .share-row');

  // The reader sees the channel, without an Upload form or delete buttons.
  const readerPage = await signIn(reader, readerPassword, 'channels.xhtml');
  await readerPage.waitForSelector('#channels');
  seen.readerChannels = await texts(readerPage, '#channels .channel-name');
  seen.readerLock = await readerPage.$$eval(`#channels tr[data-channel="${channel}"] .lock`, (els) => els.length);
  await Promise.all([readerPage.waitForURL(/channel\.xhtml/), readerPage.click(`#channels a.channel-name:text-is("${channel}")`)]);
  seen.readerPackages = await texts(readerPage, '#packages .package-name');
  seen.readerUploadForms = (await readerPage.$$('#upload')).length;
  seen.readerShareCards = (await readerPage.$$('#share')).length;
  await Promise.all([readerPage.waitForURL(/package\.xhtml/), readerPage.click('#packages .package-name')]);
  seen.readerDeleteButtons = (await readerPage.$$('.delete-version, .delete-file')).length;

  // The owner deletes the version (confirming); the channel is empty again.
  await page.goto(url + 'package.xhtml?channel=' + channel + '&name=' + seen.packages[0]);
  await Promise.all([page.waitForURL(/channel\.xhtml/), page.click('.delete-version')]);
  seen.afterDelete = (await page.textContent('#messages')).trim();
  seen.packagesAfterDelete = await texts(page, '#packages .package-name');

  // The administrator's settings page: an unknown default channel is refused, this one is saved.
  const adminPage = await signIn(admin, adminPassword, 'admin/settings.xhtml');
  await adminPage.fill('#channel-settings\\:defaults', 'no-such-channel-anywhere');
  await Promise.all([adminPage.waitForNavigation(), adminPage.click('#channel-settings\\:save-channels')]);
  seen.settingsRefused = (await adminPage.textContent('#messages .error')).trim();
  await adminPage.fill('#channel-settings\\:defaults', channel);
  await Promise.all([adminPage.waitForNavigation(), adminPage.click('#channel-settings\\:save-channels')]);
  seen.settingsSaved = (await adminPage.textContent('#messages')).trim();
  seen.settingsDefaults = await adminPage.inputValue('#channel-settings\\:defaults');
  await adminPage.goto(url + 'channels.xhtml');
  const condarc = await adminPage.request.get(new URL(await adminPage.getAttribute('#condarc-link', 'href'), url).toString());
  seen.condarcStatus = condarc.status();
  seen.condarc = await condarc.text();
  await adminPage.goto(url + 'admin/settings.xhtml');
  await adminPage.fill('#channel-settings\\:defaults', '');
  await Promise.all([adminPage.waitForNavigation(), adminPage.click('#channel-settings\\:save-channels')]);
  seen.settingsCleared = await adminPage.inputValue('#channel-settings\\:defaults');

  // The Mirrors page: a config with a misspelt key is refused with its line, and nothing starts.
  await adminPage.goto(url + 'mirrors.xhtml');
  await adminPage.waitForSelector('#runs');
  await adminPage.selectOption('#start-form\\:type', 'conda');
  await adminPage.fill('#start-form\\:config', 'dest_channel: ' + channel + '-mirror\nplatfrom:\n  - linux-64\n');
  await Promise.all([adminPage.waitForNavigation(), adminPage.click('#start-form\\:start-mirror')]);
  seen.mirrorRefused = (await adminPage.textContent('#messages')).replace(/\s+/g, ' ').trim();
  console.log(JSON.stringify(seen));
} catch (e) {
  console.error(`channels failed: ${e.message}\nseen so far: ${JSON.stringify(seen)}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
