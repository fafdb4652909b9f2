/*
 * firefox.test.mjs — the extension in Firefox (Debian's firefox-esr,
 * headless) against the real native host.
 *
 *   node firefox.test.mjs /abs/path/to/readmode /path/to/firefox-esr
 *
 * puppeteer-core starts Firefox over WebDriver BiDi and installs a copy of
 * extension-manifest/ with webExtension.install. Firefox finds native hosts
 * under ~/.mozilla/native-messaging-hosts/, so the browser gets a HOME of
 * its own holding the shipped Firefox host manifest filled in with BINARY.
 *
 * BiDi cannot open or read moz-extension:// pages, so the copy carries two
 * test-only scripts (firefox-hook/): a content script on the test pages and
 * a background hook, through which the test opens the reader on a page and
 * reads back what the reader shows.
 */
import puppeteer from 'puppeteer-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HERE, WAIT_MS, assert, finish, results, servePages, test, testExtension,
         writeHostManifest } from './fixtures.mjs';

const [BINARY, FIREFOX] = process.argv.slice(2);

/* The test copy: the shipped extension plus the hook scripts. */
function firefoxExtension(dir) {
    return testExtension(dir, manifest => {
        for (const file of ['test-hook.js', 'test-content.js'])
            fs.copyFileSync(path.join(HERE, 'firefox-hook', file), path.join(dir, file));
        manifest.background.scripts.push('test-hook.js');
        manifest.content_scripts = [{ matches: ['http://127.0.0.1/*'], js: ['test-content.js'] }];
    });
}

/* Open reader mode on `url` and return what the reader page showed. */
async function readerOn(browser, url, settings = null) {
    const page = await browser.newPage();
    await page.goto(url);
    await page.evaluate(s => window.postMessage({ readmodeTest: 'open', settings: s }, '*'), settings);
    await page.waitForFunction(() => document.documentElement.dataset.readmodeResult,
                               { timeout: WAIT_MS });
    const result = JSON.parse(await page.evaluate(() => document.documentElement.dataset.readmodeResult));
    await page.close();
    return result;
}

async function main() {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'readmode-firefox-'));
    const home = path.join(work, 'home');
    writeHostManifest('firefox', path.join(home, '.mozilla', 'native-messaging-hosts',
                                           'org.readmode.host.json'), BINARY);
    const extensionDir = path.join(work, 'extension');
    const manifest = firefoxExtension(extensionDir);
    const server = await servePages();
    const base = `http://127.0.0.1:${server.address().port}`;
    const browser = await puppeteer.launch({
        browser: 'firefox', executablePath: FIREFOX, headless: true,
        env: { ...process.env, HOME: home, XDG_DATA_HOME: path.join(work, 'data') },
    });
    try {
        let installed = false;
        await test('Firefox installs the extension through WebDriver BiDi', async () => {
            const id = await browser.installExtension(extensionDir);
            assert(id === manifest.browser_specific_settings.gecko.id, `installed as ${id}`);
            installed = true;
        });
        if (!installed)
            return;

        const result = await readerOn(browser, `${base}/article.html`);
        await test('Firefox assigns the shortcut (commands.getAll)', async () => {
            const open = (result.commands || []).find(c => c.name === 'open-reader');
            assert(open && open.shortcut === 'Alt+R', `open-reader: ${JSON.stringify(open)}`);
        });
        await test('Firefox: a native round trip extracts and shows the article', async () => {
            assert(result.state === 'done', `state ${result.state}: ${result.error}`);
            assert(result.title === 'How canal locks lift boats uphill', `title "${result.title}"`);
            assert(result.meta.startsWith('Mara Lindqvist'), `meta "${result.meta}"`);
            assert(result.removed.startsWith('Removed: ') && result.removed.includes('comments'),
                   `removed "${result.removed}"`);
            assert(result.content.includes('Leonardo da Vinci'), 'body missing');
            assert(!result.content.includes('First! Great post'), 'comments shown');
        });
        await test('Firefox: a reply over 1 MiB arrives in chunks and renders completely', async () => {
            const big = await readerOn(browser, `${base}/big.html`);
            assert(big.state === 'done', `state ${big.state}: ${big.error}`);
            assert(big.content.includes('Section 1499.') && big.content.includes('terminus basin'),
                   'body incomplete');
        });
        await test('Firefox: settings from storage.sync apply (sepia, larger text)', async () => {
            const sepia = await readerOn(browser, `${base}/article.html`,
                { theme: 'sepia', font: 'sans', size: '6', width: 'wide', spacing: 'loose' });
            assert(sepia.state === 'done', `state ${sepia.state}: ${sepia.error}`);
            assert(sepia.background === 'rgb(244, 236, 216)', `background ${sepia.background}`);
            assert(sepia.fontSize === '24px', `font size ${sepia.fontSize}`);
        });
        await test('Firefox: an RTL article turns only its own text', async () => {
            const rtl = await readerOn(browser, `${base}/rtl.html`);
            assert(rtl.state === 'done', `state ${rtl.state}: ${rtl.error}`);
            const { content, meta, removed } = rtl.direction;
            assert(content === 'rtl' && meta === 'ltr' && removed === 'ltr', JSON.stringify(rtl.direction));
        });
    } finally {
        await browser.close();
        server.close();
        fs.rmSync(work, { recursive: true, force: true });
    }
}

try {
    await main();
} catch (e) {
    results.failed++;
    console.log(`not ok - test harness: ${e && e.stack || e}`);
}
finish();
