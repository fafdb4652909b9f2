/*
 * saved.test.mjs — the offline library end to end: the extension saves
 * articles with their images through the real host, the saved HTML opens
 * in Chromium with the network blocked, and the Saved page lists, searches,
 * opens offline, deletes and undoes.
 *
 *   node saved.test.mjs /abs/path/to/readmode /path/to/chromium
 *
 * Set-up as in reader.test.mjs (fixtures.mjs): a copy of extension-manifest/ with
 * "host_permissions": ["http://127.0.0.1/*"] (no click can grant activeTab
 * or answer a permission prompt in a test; with the hosts granted, the
 * save's permission request is answered without a prompt), the host
 * registered in a fresh profile, pages served from 127.0.0.1.
 */
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HERE, WAIT_MS, assert, extensionId, finish, results, test, testExtension,
         writeHostManifest } from './fixtures.mjs';

const [BINARY, BROWSER] = process.argv.slice(2);

/* A second article: one image served, one missing (404). */
const SECOND = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Winter on the marshes</title><meta property="og:site_name" content="Fen Diary"></head>
<body><article><h1>Winter on the marshes</h1>
<p>The marsh in winter is a place of wide skies and low light, where the reeds turn the colour of straw and the water lies still under a skin of ice for days at a time.</p>
<figure><img src="/lock.png" alt="Reeds under ice"><figcaption>Reeds under ice.</figcaption></figure>
<p>Geese arrive in their thousands, and the evening flights over the sea wall are the best show the coast has to offer, loud and untidy and over in a few minutes.</p>
<p><img src="/gone.png" alt="A heron that flew off"> The heron stands at the edge of the dyke, patient as a post, and the walker who stops to watch it is usually the first to move.</p>
</article></body></html>`;

const requests = [];

function servePages() {
    const pages = {
        '/article.html': ['text/html; charset=utf-8', fs.readFileSync(path.join(HERE, 'pages', 'article.html'))],
        '/second.html': ['text/html; charset=utf-8', Buffer.from(SECOND)],
        '/lock.png': ['image/png', fs.readFileSync(path.join(HERE, 'pages', 'lock.png'))],
    };
    const server = createServer((request, response) => {
        const pathname = new URL(request.url, 'http://x').pathname;
        requests.push(pathname);
        const page = pages[pathname];
        response.writeHead(page ? 200 : 404, { 'content-type': page ? page[0] : 'text/plain' });
        response.end(page ? page[1] : 'not found');
    });
    return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function openReaderOn(context, worker, url) {
    const page = await context.newPage();
    await page.goto(url);
    const opened = context.waitForEvent('page', { timeout: WAIT_MS });
    await worker.evaluate(async target => {
        const [tab] = await chrome.tabs.query({ url: target });
        await globalThis.openReader(tab);
    }, url);
    const reader = await opened;
    /* The new tab exists before its page does: wait for reader.html's DOM. */
    await reader.waitForLoadState('domcontentloaded');
    await reader.waitForFunction(() => {
        const status = document.getElementById('status');
        if (!status)
            return false;
        const state = status.dataset.state;
        return state !== 'loading' && state !== 'extracting';
    }, null, { timeout: WAIT_MS });
    return { page, reader };
}

/* Save from the reader page in `format`; the saved path. */
async function saveAs(reader, format) {
    await reader.selectOption('#save-format', format);
    await reader.click('#save');
    await reader.waitForFunction(() => ['saved', 'error'].includes(
        document.getElementById('status').dataset.state), null, { timeout: WAIT_MS });
    const status = await reader.locator('#status').innerText();
    const match = /^Saved to (.+)$/.exec(status);
    assert(match, `status "${status}"`);
    return match[1];
}

/* Every request a page makes other than to file: and data: URLs. */
function watchNetwork(target) {
    const seen = [];
    target.on('request', request => {
        if (!/^(file|data|chrome-extension):/.test(request.url()))
            seen.push(request.url());
    });
    return seen;
}

async function main() {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'readmode-saved-'));
    const profile = path.join(work, 'profile');
    const dataHome = path.join(work, 'data');
    const extensionDir = path.join(work, 'extension');
    const id = extensionId(testExtension(extensionDir));
    writeHostManifest('chrome', path.join(profile, 'NativeMessagingHosts', 'org.readmode.host.json'),
                      BINARY);
    const server = await servePages();
    const base = `http://127.0.0.1:${server.address().port}`;
    const context = await chromium.launchPersistentContext(profile, {
        executablePath: BROWSER,
        headless: true,
        env: { ...process.env, XDG_DATA_HOME: dataHome },
        args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`,
               '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
               '--disable-component-update', '--disable-sync', '--allow-file-access-from-files'],
    });
    try {
        let [worker] = context.serviceWorkers();
        if (!worker)
            worker = await context.waitForEvent('serviceworker', { timeout: WAIT_MS });

        let htmlPath = null, epubPath = null;
        await test('the reader saves HTML with its images fetched and embedded', async () => {
            const { page, reader } = await openReaderOn(context, worker, `${base}/article.html`);
            htmlPath = await saveAs(reader, 'html');
            assert(htmlPath.startsWith(dataHome), `${htmlPath} outside the library`);
            const saved = fs.readFileSync(htmlPath, 'utf8');
            assert(saved.includes('<img src="data:image/png;base64,'), 'image not embedded');
            assert(!saved.includes('/lock.png'), 'the image URL is still linked');
            assert(saved.includes("img-src data:\""), 'CSP allows remote images');
            await page.close();
            await reader.close();
        });

        await test('saved HTML opens with the network blocked: images shown, no request', async () => {
            const page = await context.newPage();
            const seen = watchNetwork(page);
            await page.route(/^https?:/, route => route.abort());
            await page.goto('file://' + htmlPath);
            await page.waitForLoadState('load');
            const widths = await page.evaluate(() => [...document.images].map(i => i.naturalWidth));
            assert(widths.length > 0, 'no image in the saved page');
            assert(widths.every(w => w > 0), `image widths ${widths}`);
            assert(seen.length === 0, `requests: ${seen.join(', ')}`);
            assert((await page.title()).startsWith('How canal locks'), 'title');
            await page.close();
        });

        await test('EPUB from the save menu; the missing image is counted; the format is remembered', async () => {
            /* Saved times have one-second resolution: let this save be the newer one. */
            await new Promise(r => setTimeout(r, 1100));
            const { page, reader } = await openReaderOn(context, worker, `${base}/second.html`);
            epubPath = await saveAs(reader, 'epub');
            assert(epubPath.endsWith('.epub') && fs.existsSync(epubPath), epubPath);
            const zip = fs.readFileSync(epubPath);
            assert(zip.subarray(30, 38).toString() === 'mimetype', 'not an EPUB container');
            assert(zip.includes(Buffer.from('EPUB/images/img-1.png')), 'image not in the book');
            const note = await reader.locator('#save-note').innerText();
            assert(/1 image could not be fetched/.test(note), `note "${note}"`);
            /* saving again: already saved, a replace button offered */
            await reader.click('#save');
            await reader.waitForFunction(() => !document.getElementById('save-replace').hidden,
                                         null, { timeout: WAIT_MS });
            assert((await reader.locator('#status').innerText()).startsWith('Already saved as'), 'exists');
            await page.close();
            await reader.close();
            const again = await openReaderOn(context, worker, `${base}/second.html`);
            const format = await again.reader.locator('#save-format').inputValue();
            assert(format === 'epub', `format ${format}`);
            await again.page.close();
            await again.reader.close();
        });

        const saved = await context.newPage();
        await saved.goto(`chrome-extension://${id}/saved.html`);
        const rows = () => saved.locator('#articles li');
        await test('the Saved page lists the articles newest first with site, date and format', async () => {
            await saved.waitForFunction(() => document.getElementById('status').dataset.state !== 'loading',
                                        null, { timeout: WAIT_MS });
            assert(await rows().count() === 2, `${await rows().count()} rows: ${await saved.locator('#status').innerText()}`);
            const first = await rows().nth(0).innerText();
            const second = await rows().nth(1).innerText();
            assert(first.includes('Winter on the marshes') && first.includes('Fen Diary')
                   && /epub/i.test(first), `first row "${first}"`);
            assert(second.includes('How canal locks') && /html/i.test(second), `second row "${second}"`);
        });

        await test('search filters by title and site', async () => {
            await saved.fill('#search', 'fen');
            assert(await rows().count() === 1, 'search by site');
            await saved.fill('#search', 'CANAL locks');
            assert(await rows().count() === 1 && (await rows().nth(0).innerText()).includes('canal'), 'search by title');
            await saved.fill('#search', 'nothing like this');
            assert(await rows().count() === 0, 'search with no match');
            await saved.fill('#search', '');
            assert(await rows().count() === 2, 'cleared search');
        });

        await test('an article opens in the reader view from the library, offline', async () => {
            const before = requests.length;
            const opened = context.waitForEvent('page', { timeout: WAIT_MS });
            await rows().nth(1).locator('a.open').click({ modifiers: ['Control'] });
            const reader = await opened;
            const seen = watchNetwork(reader);
            await reader.waitForLoadState('domcontentloaded');
            await reader.waitForFunction(() => document.getElementById('status')?.dataset.state === 'done',
                                         null, { timeout: WAIT_MS });
            assert((await reader.locator('#title').innerText()) === 'How canal locks lift boats uphill', 'title');
            assert((await reader.locator('#content').innerText()).includes('mitre gates'), 'body');
            await reader.waitForFunction(() => [...document.images].every(i => i.complete), null, { timeout: WAIT_MS });
            const widths = await reader.evaluate(() => [...document.querySelectorAll('#content img')].map(i => i.naturalWidth));
            assert(widths.length > 0 && widths.every(w => w > 0), `image widths ${widths}`);
            assert(seen.length === 0 && requests.length === before, `network: ${seen.join(', ')}`);
            await reader.close();
        });

        await test('delete hides the article at once; undo brings it back', async () => {
            await rows().nth(0).locator('button.delete').click();
            assert(await rows().count() === 1, 'row not hidden');
            assert(!(await saved.locator('#undo-bar').isHidden()), 'no undo bar');
            await saved.click('#undo');
            assert(await rows().count() === 2, 'undo did not restore the row');
            assert(fs.existsSync(epubPath), 'the file went before the undo time was over');
        });

        await test('delete removes the file once the undo time is over', async () => {
            await rows().nth(0).locator('button.delete').click();
            const deadline = Date.now() + WAIT_MS;
            while (fs.existsSync(epubPath) && Date.now() < deadline)
                await new Promise(r => setTimeout(r, 200));
            assert(!fs.existsSync(epubPath), 'the file is still there');
            await saved.reload();
            await saved.waitForFunction(() => document.getElementById('status').dataset.state !== 'loading',
                                        null, { timeout: WAIT_MS });
            assert(await rows().count() === 1, 'deleted article still listed');
            assert(fs.existsSync(htmlPath), 'the other article went too');
        });
    } finally {
        await context.close();
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
