/*
 * reader.test.mjs — end-to-end test of the extension against the real host.
 *
 *   node reader.test.mjs /abs/path/to/readmode /path/to/chromium
 *
 * Launches headless Chromium with a copy of extension-manifest/ loaded
 * unpacked, registers BINARY as org.readmode.host inside a fresh
 * user-data-dir (from the shipped host/ template), serves test pages from
 * 127.0.0.1, and drives the extension the way a user would: open a page,
 * trigger reader mode, read the reader page.
 *
 * The extension copy gets "host_permissions": ["http://127.0.0.1/*"]: in a
 * test there is no click to grant activeTab. The shipped manifest is not
 * touched. The host is started by the browser, so its environment (and so
 * the saved-article library under XDG_DATA_HOME) is the browser's.
 */
import { chromium } from 'playwright-core';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const [BINARY, BROWSER] = process.argv.slice(2);
const WAIT_MS = 30000;

/* ---------- Tiny test runner: "ok - name" / "not ok - name", then totals. */

const results = { passed: 0, failed: 0 };

async function test(name, body) {
    try {
        await body();
        results.passed++;
        console.log(`ok - ${name}`);
    } catch (e) {
        results.failed++;
        console.log(`not ok - ${name}\n    ${String(e && e.stack || e).split('\n').slice(0, 3).join('\n    ')}`);
    }
}

function assert(condition, message) {
    if (!condition)
        throw new Error(message);
}

/* ---------- Fixtures ---------- */

/* Chromium's id for an unpacked extension with a "key": the first 128 bits
 * of SHA-256 over the DER public key, written with the digits a–p. */
function extensionId(manifest) {
    const digest = createHash('sha256').update(Buffer.from(manifest.key, 'base64')).digest('hex');
    return [...digest.slice(0, 32)].map(c => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/* A copy of the shipped extension whose only change is 127.0.0.1 access. */
function testExtension(dir) {
    fs.cpSync(path.join(ROOT, 'extension-manifest'), dir, { recursive: true });
    const manifestPath = path.join(dir, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
    manifest.host_permissions = ['http://127.0.0.1/*'];
    fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
    return manifest;
}

/* The shipped Chrome host manifest template, filled in with BINARY, where
 * Chromium looks first for a custom user-data-dir. */
function registerHost(profile) {
    const template = fs.readFileSync(path.join(ROOT, 'host', 'org.readmode.host.chrome.json'), 'utf8');
    const dir = path.join(profile, 'NativeMessagingHosts');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'org.readmode.host.json');
    fs.writeFileSync(file, template.replace('@READMODE_PATH@', BINARY));
    return file;
}

/* About 1.5 MB of article text: the reply (text + HTML) is far over the
 * browser's 1 MiB per-message limit, so it can only arrive in chunks. */
function bigArticle() {
    const sentence = 'The towpath follows the water past locks, wharves and warehouses built for the trade. ';
    const paragraphs = [];
    for (let i = 0; i < 1500; i++)
        paragraphs.push(`<p>Section ${i}. ${sentence.repeat(10)}</p>`);
    paragraphs.push('<p>The last paragraph mentions the terminus basin.</p>');
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A very long walk</title></head>
<body><article><h1>A very long walk along the canal</h1>${paragraphs.join('\n')}</article></body></html>`;
}

const NOT_AN_ARTICLE = `<!doctype html><html><head><meta charset="utf-8"><title>Sign in</title></head>
<body><nav><a href="/">Home</a> <a href="/help">Help</a></nav>
<form><label>User <input name="u"></label><button>Sign in</button></form></body></html>`;

/* Every request the server saw: path and Referer header. */
const requests = [];

function servePages() {
    const pages = {
        '/article.html': fs.readFileSync(path.join(HERE, 'pages', 'article.html')),
        '/big.html': Buffer.from(bigArticle()),
        '/signin.html': Buffer.from(NOT_AN_ARTICLE),
    };
    const server = createServer((request, response) => {
        const pathname = new URL(request.url, 'http://x').pathname;
        requests.push({ path: pathname, referer: request.headers.referer });
        const body = pages[pathname];
        response.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
        response.end(body || 'not found');
    });
    return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/* ---------- Driving the extension ---------- */

/* Open `url` in a tab, trigger reader mode on it through the background's
 * openReader (what the toolbar button calls), and wait for the reader page
 * to finish: its #status leaves the loading / extracting states. */
async function openReaderOn(context, worker, url) {
    const page = await context.newPage();
    await page.goto(url);
    const opened = context.waitForEvent('page', { timeout: WAIT_MS });
    await worker.evaluate(async target => {
        const [tab] = await chrome.tabs.query({ url: target });
        await globalThis.openReader(tab);
    }, url);
    const reader = await opened;
    await reader.waitForFunction(() => {
        const state = document.getElementById('status').dataset.state;
        return state !== 'loading' && state !== 'extracting';
    }, null, { timeout: WAIT_MS });
    return { page, reader };
}

const textOf = (reader, selector) => reader.locator(selector).innerText();

async function main() {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'readmode-browser-'));
    const profile = path.join(work, 'profile');
    const dataHome = path.join(work, 'data');
    const extensionDir = path.join(work, 'extension');
    const manifest = testExtension(extensionDir);
    const id = extensionId(manifest);
    const hostManifest = registerHost(profile);
    const server = await servePages();
    const base = `http://127.0.0.1:${server.address().port}`;

    const context = await chromium.launchPersistentContext(profile, {
        executablePath: BROWSER,
        headless: true,
        env: { ...process.env, XDG_DATA_HOME: dataHome },
        args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`,
               '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
               '--disable-component-update', '--disable-sync'],
    });
    try {
        let worker = null;
        await test('extension loads and its service worker runs under the fixed id', async () => {
            [worker] = context.serviceWorkers();
            if (!worker)
                worker = await context.waitForEvent('serviceworker', { timeout: WAIT_MS });
            assert(worker.url() === `chrome-extension://${id}/background.js`, `worker at ${worker.url()}`);
            assert(await worker.evaluate(() => typeof globalThis.openReader) === 'function',
                   'openReader is not exposed');
        });
        if (!worker)
            return;

        const { page: articleTab, reader } = await openReaderOn(context, worker, `${base}/article.html`);
        await test('openReader opens reader.html for the article tab', async () => {
            const tabId = await worker.evaluate(async url => (await chrome.tabs.query({ url }))[0].id,
                                                `${base}/article.html`);
            assert(reader.url() === `chrome-extension://${id}/reader.html?tab=${tabId}`, reader.url());
            assert(articleTab.url().endsWith('/article.html'), 'article tab navigated away');
        });
        await test('reader shows the article title and body', async () => {
            const state = await reader.locator('#status').getAttribute('data-state');
            assert(state === 'done', `status ${state}: ${await textOf(reader, '#status')} ${await textOf(reader, '#error')}`);
            assert((await textOf(reader, '#title')) === 'How canal locks lift boats uphill',
                   `title "${await textOf(reader, '#title')}"`);
            const body = await textOf(reader, '#content');
            assert(body.includes('Leonardo da Vinci'), 'body paragraph missing');
            assert(body.includes('staircase locks'), 'later body paragraph missing');
            assert((await reader.title()) === 'How canal locks lift boats uphill', 'document title');
            assert(!(await textOf(reader, '#content')).startsWith('How canal locks'), 'title repeated in the body');
        });
        await test('reader shows byline and reading time', async () => {
            const meta = await textOf(reader, '#meta');
            assert(meta.includes('Mara Lindqvist'), `meta "${meta}"`);
            assert(/\d+ min read/.test(meta), `meta "${meta}"`);
        });
        await test('reader does not show comments, the ad-block nag or the share bar', async () => {
            const shown = await reader.locator('main').innerText();
            for (const junk of ['First! Great post', 'Caen Hill flight', 'Adblock Detected',
                                'disabling your ad blocker', 'Share on Facebook', 'Leave a Reply'])
                assert(!shown.includes(junk), `"${junk}" is shown`);
        });
        await test('reader shows the removed-clutter summary', async () => {
            const removed = await textOf(reader, '#removed');
            assert(/^Removed: /.test(removed), `summary "${removed}"`);
            assert(/\b[1-9]\d* comment sections?\b/.test(removed), `no comments in "${removed}"`);
            assert(/\b[1-9]\d* ad-block nags?\b/.test(removed), `no ad-block nag in "${removed}"`);
        });
        await test('article markup carries no handlers and no javascript: links', async () => {
            const bad = await reader.evaluate(() => [...document.querySelectorAll('#content *')].flatMap(el =>
                [...el.attributes].filter(a => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value))
                    .map(a => `${el.localName}[${a.name}]`)));
            assert(bad.length === 0, bad.join(', '));
            assert(await reader.title() !== 'pwned', 'a handler ran');
        });
        await test('client-side sanitizer keeps the allowlist only', async () => {
            const html = await reader.evaluate(() => {
                const box = document.createElement('div');
                box.append(sanitize(`<p onclick="x()" style="color:red" class="c">Hi <a href="javascript:alert(1)">j</a>
                    <a href="/rel">r</a><img src="data:image/png;base64,AA"><img src="/p.gif" width="1" height="1">
                    <img src="http://img.test/a.png" alt="A"></p><script>alert(1)</script><iframe src="x"></iframe>
                    <font color="red">kept <b>text</b></font><form><input value="v">gone</form>`,
                    'https://site.test/post/'));
                return box.innerHTML;
            });
            const expected = '<p>Hi <a rel="noreferrer">j</a>'
                + '<a href="https://site.test/rel" rel="noreferrer">r</a>'
                + '<img src="http://img.test/a.png" alt="A" referrerpolicy="no-referrer" loading="lazy"></p>'
                + 'kept <b>text</b>';
            const squeeze = s => s.replace(/\s+/g, '');
            assert(squeeze(html) === squeeze(expected), html);
        });
        await test('sanitized images load without referrer; tracking pixels are never fetched', async () => {
            await reader.evaluate(origin => {
                const box = document.createElement('div');
                box.append(sanitize(`<p><img src="/pixel.gif" width="1" height="1">
                    <img src="/photo.png" alt="photo"></p>`, origin + '/post.html'));
                document.getElementById('content').append(box);
            }, base);
            await reader.waitForFunction(() => [...document.images].some(i => i.src.endsWith('/photo.png') && i.complete),
                                         null, { timeout: WAIT_MS });
            const photo = requests.find(r => r.path === '/photo.png');
            assert(photo, 'the photo was not requested');
            assert(!photo.referer, `photo requested with Referer ${photo.referer}`);
            assert(!requests.some(r => r.path === '/pixel.gif'), 'the tracking pixel was requested');
        });
        await test('Save writes the article into the library and shows its path', async () => {
            await reader.selectOption('#save-format', 'md');
            await reader.click('#save');
            await reader.waitForFunction(() => ['saved', 'error'].includes(
                document.getElementById('status').dataset.state), null, { timeout: WAIT_MS });
            const status = await textOf(reader, '#status');
            const match = /^Saved to (.+)$/.exec(status);
            assert(match, `status "${status}"`);
            const saved = match[1];
            assert(saved.startsWith(dataHome + path.sep), `${saved} is outside XDG_DATA_HOME`);
            assert(fs.existsSync(saved), `${saved} does not exist`);
            const content = fs.readFileSync(saved, 'utf8');
            assert(content.includes('How canal locks lift boats uphill'), 'saved file lacks the title');
            assert(content.includes('mitre gates'), 'saved file lacks the body');
            assert(!content.includes('First! Great post'), 'saved file has the comments');
        });
        await articleTab.close();
        await reader.close();

        await test('a reply over 1 MiB arrives in chunks and renders completely', async () => {
            const { page, reader: big } = await openReaderOn(context, worker, `${base}/big.html`);
            const state = await big.locator('#status').getAttribute('data-state');
            assert(state === 'done', `status ${state}: ${await textOf(big, '#error')}`);
            const stats = await big.evaluate(() => globalThis.readmodeDiagnostics);
            assert(stats.frames > 1, `reply came in ${stats.frames} frame(s)`);
            assert(stats.joinedChars > 1048576, `reply was only ${stats.joinedChars} characters`);
            const body = await textOf(big, '#content');
            assert(body.includes('Section 0.') && body.includes('Section 1499.'), 'body incomplete');
            assert(body.includes('terminus basin'), 'last paragraph missing');
            await page.close();
            await big.close();
        });

        await test('a page without an article gets a clear message', async () => {
            const { page, reader: none } = await openReaderOn(context, worker, `${base}/signin.html`);
            const state = await none.locator('#status').getAttribute('data-state');
            const error = await textOf(none, '#error');
            assert(state === 'error' && error.includes('No article found'), `state ${state}, "${error}"`);
            await page.close();
            await none.close();
        });

        await test('a missing host tells the user to run install.sh', async () => {
            const hidden = hostManifest + '.off';
            fs.renameSync(hostManifest, hidden);
            try {
                const { page, reader: orphan } = await openReaderOn(context, worker, `${base}/article.html`);
                const error = await textOf(orphan, '#error');
                assert(error.includes('not installed') && error.includes('install.sh'), `"${error}"`);
                await page.close();
                await orphan.close();
            } finally {
                fs.renameSync(hidden, hostManifest);
            }
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
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed ? 1 : 0);
