/*
 * fixtures.mjs — what the Chromium and Firefox tests share: a tiny test
 * runner, the test copy of the extension, the page server and fake hosts.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '..', '..');
export const SHARED = process.env.RM_SHARED || path.resolve(ROOT, '..', 'shared');
export const WAIT_MS = 30000;

/* ---------- Tiny test runner: "ok - name" / "not ok - name", then totals. */

export const results = { passed: 0, failed: 0 };

export async function test(name, body) {
    const start = Date.now();
    try {
        await body();
        results.passed++;
        console.log(`ok - ${name} (${((Date.now() - start) / 1000).toFixed(1)} s)`);
    } catch (e) {
        results.failed++;
        console.log(`not ok - ${name}\n    ${String(e && e.stack || e).split('\n').slice(0, 3).join('\n    ')}`);
    }
}

export function assert(condition, message) {
    if (!condition)
        throw new Error(message);
}

export function finish() {
    console.log(`${results.passed} passed, ${results.failed} failed`);
    process.exit(results.failed ? 1 : 0);
}

/* ---------- The extension ---------- */

/* Chromium's id for an unpacked extension with a "key": the first 128 bits
 * of SHA-256 over the DER public key, written with the digits a–p. */
export function extensionId(manifest) {
    const digest = createHash('sha256').update(Buffer.from(manifest.key, 'base64')).digest('hex');
    return [...digest.slice(0, 32)].map(c => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/* A copy of the shipped extension whose only change is 127.0.0.1 access:
 * in a test there is no click to grant activeTab. `change` may adjust the
 * manifest further (the Firefox test adds its hook). */
export function testExtension(dir, change = () => {}) {
    fs.cpSync(path.join(ROOT, 'extension-manifest'), dir, { recursive: true });
    const manifestPath = path.join(dir, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
    manifest.host_permissions = ['http://127.0.0.1/*'];
    change(manifest);
    fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
    return manifest;
}

/* The shipped host manifest template for `family` (chrome or firefox)
 * pointing at `binary`, written to `file`. */
export function writeHostManifest(family, file, binary) {
    const template = fs.readFileSync(path.join(ROOT, 'host', `org.readmode.host.${family}.json`), 'utf8');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, template.replace('@READMODE_PATH@', binary));
}

/* An executable that runs fake-host.mjs in `mode` (reply, crash, silent);
 * in reply mode it answers with whatever JSON is in `replyFile`. */
export function fakeHost(dir, mode, replyFile = '') {
    const file = path.join(dir, `fake-host-${mode}.sh`);
    fs.writeFileSync(file, `#!/bin/sh\nFAKE_HOST_MODE=${mode} FAKE_HOST_REPLY='${replyFile}' `
        + `exec '${process.execPath}' '${path.join(HERE, 'fake-host.mjs')}'\n`, { mode: 0o755 });
    return file;
}

/* ---------- Pages ---------- */

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

/* A 600×3000 picture: taller than any test window. */
const TALL_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="3000">'
    + '<rect width="600" height="3000" fill="#7a9"/></svg>';

/* A landscape picture for the article's /lock.png (served as SVG), so the
 * screenshots show a figure rather than a broken image. */
const LOCK_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="360" viewBox="0 0 800 360">'
    + '<rect width="800" height="360" fill="#cfe3ea"/><rect y="210" width="800" height="150" fill="#4f7f8f"/>'
    + '<rect x="250" y="120" width="40" height="240" fill="#5a4632"/><rect x="510" y="120" width="40" height="240" fill="#5a4632"/>'
    + '<rect x="330" y="175" width="140" height="40" rx="8" fill="#7a2b2b"/><rect x="350" y="150" width="60" height="28" fill="#e8d9b0"/>'
    + '<rect y="300" width="800" height="60" fill="#3d6572"/></svg>';

/* The shared junk fixtures (page.html + junk.txt), or [] when absent. */
export function junkFixtures() {
    const dir = path.join(SHARED, 'fixtures', 'junk');
    if (!fs.existsSync(dir))
        return [];
    return fs.readdirSync(dir)
        .filter(name => fs.existsSync(path.join(dir, name, 'page.html'))
                        && fs.existsSync(path.join(dir, name, 'junk.txt')))
        .map(name => ({
            name,
            page: fs.readFileSync(path.join(dir, name, 'page.html')),
            junk: fs.readFileSync(path.join(dir, name, 'junk.txt'), 'utf8').split('\n')
                .map(line => line.replace(/\s+/g, ' ').trim()).filter(Boolean),
        }));
}

/* Serve the test pages on 127.0.0.1; `requests` records path and Referer. */
export function servePages(requests = []) {
    const read = name => fs.readFileSync(path.join(HERE, 'pages', name));
    const pages = {
        '/article.html': read('article.html'),
        '/index.html': read('index.html'),
        '/figures.html': read('figures.html'),
        '/rtl.html': fs.readFileSync(path.join(ROOT, 'tests', 'pages', 'arabic-rtl-news', 'page.html')),
        '/big.html': Buffer.from(bigArticle()),
        '/signin.html': Buffer.from(NOT_AN_ARTICLE),
    };
    for (const fixture of junkFixtures())
        pages[`/junk/${fixture.name}.html`] = fixture.page;
    const server = createServer((request, response) => {
        const pathname = new URL(request.url, 'http://x').pathname;
        requests.push({ path: pathname, referer: request.headers.referer });
        const picture = { '/tall.svg': TALL_SVG, '/lock.png': LOCK_SVG }[pathname];
        if (picture) {
            response.writeHead(200, { 'content-type': 'image/svg+xml' });
            response.end(picture);
            return;
        }
        const body = pages[pathname];
        response.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
        response.end(body || 'not found');
    });
    return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(server)));
}
