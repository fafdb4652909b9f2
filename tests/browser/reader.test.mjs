/*
 * reader.test.mjs — end-to-end test of the extension in Chromium, against
 * the real native host and, for replies the real host never sends, a fake.
 *
 *   node reader.test.mjs /abs/path/to/readmode /path/to/chromium
 *
 * Launches headless Chromium with a copy of extension-manifest/ loaded
 * unpacked, registers BINARY as org.readmode.host inside a fresh
 * user-data-dir (from the shipped host/ template), serves test pages from
 * 127.0.0.1, and drives the extension the way a user would: open a page,
 * trigger reader mode, use the toolbar, read the reader page. Screenshots
 * of the reader go to build/browser/.
 *
 * The host is started by the browser, so its environment (and so the
 * saved-article library under XDG_DATA_HOME) is the browser's.
 */
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, WAIT_MS, assert, extensionId, fakeHost, finish, junkFixtures, results,
         servePages, test, testExtension, writeHostManifest } from './fixtures.mjs';

const [BINARY, BROWSER] = process.argv.slice(2);
const SHOTS = path.join(ROOT, 'build', 'browser');

/* Every request the page server saw: path and Referer header. */
const requests = [];

/* Open `url` in a tab, trigger reader mode on it through the background's
 * openReader (what the toolbar button calls), and wait for the reader page
 * to finish: its #status leaves the loading / extracting states. */
async function openReaderOn(context, worker, url) {
    const page = await context.newPage();
    /* The DOM is what is read; subresources (external ones in the junk
     * pages go nowhere here) need not finish. */
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const opened = context.waitForEvent('page', { timeout: WAIT_MS });
    await worker.evaluate(async target => {
        const [tab] = await chrome.tabs.query({ url: target });
        await globalThis.openReader(tab);
    }, url);
    const reader = await opened;
    await settled(reader);
    return { page, reader };
}

/* The reader is done when #status leaves the loading / extracting states. */
async function settled(reader) {
    await reader.waitForFunction(() => {
        const status = document.getElementById('status');
        return status && !['loading', 'extracting'].includes(status.dataset.state);
    }, null, { timeout: WAIT_MS });
}

const textOf = (reader, selector) => reader.locator(selector).innerText();
const stateOf = reader => reader.locator('#status').getAttribute('data-state');

async function closeAll(...pages) {
    for (const page of pages)
        if (!page.isClosed())
            await page.close();
}

/* Computed styles of `selector` in the reader, by property name. */
function styles(reader, selector, properties) {
    return reader.evaluate(([sel, props]) => {
        const style = getComputedStyle(document.querySelector(sel));
        return Object.fromEntries(props.map(p => [p, style.getPropertyValue(p)]));
    }, [selector, properties]);
}

async function screenshot(reader, name) {
    fs.mkdirSync(SHOTS, { recursive: true });
    await reader.screenshot({ path: path.join(SHOTS, name) });
}

/* A reply as the host would send it, with everything the view shows. */
function forumReply() {
    return {
        ok: true,
        article: {
            title: 'Which windlass for the Leeds and Liverpool?', byline: 'boater_jo',
            site_name: 'Canal Forum', published: '2026-03-02T10:00:00Z', lang: 'en', dir: 'ltr',
            html: '<p>Anyone know which windlass fits the Leeds and Liverpool paddles?</p>'
                + '<p>A long-throw one; the spindles are bigger than on the southern canals.</p>',
            text: 'Anyone know which windlass fits the Leeds and Liverpool paddles?\n\n'
                + 'A long-throw one; the spindles are bigger than on the southern canals.',
            markdown: 'Anyone know which windlass fits?', word_count: 180000, reading_minutes: 926,
            readerable: true, page_type: 'forum', page_items: 14,
            removed: { comments: 1, adblock: 1, related: 3 },
        },
    };
}

/* Markup and strings built to run script if anything is assigned as HTML
 * or any attribute survives. Each sets window.__pwned. */
function hostileReply() {
    const html = [
        '<p>First safe paragraph.</p>',
        '<script>window.__pwned = "script"</script>',
        '<img src="x" onerror="window.__pwned = \'onerror\'">',
        '<p><a href="javascript:window.__pwned=\'href\'">a link</a></p>',
        '<svg onload="window.__pwned = \'svg\'"><circle r="1"/></svg>',
        '<iframe srcdoc="<script>parent.__pwned = \'iframe\'</script>"></iframe>',
        '<p onclick="window.__pwned = \'click\'" style="background:url(javascript:alert(1))">Second safe paragraph.</p>',
        '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=\'math\'"></style></mglyph></table></mtext></math>',
        '<form action="javascript:window.__pwned=\'form\'"><button>go</button></form>',
        '<noscript><p title="</noscript><img src=x onerror=window.__pwned=\'noscript\'>"></p></noscript>',
        '<a href="  JaVaScRiPt:window.__pwned=\'case\'">another</a>',
        '<object data="javascript:window.__pwned=\'object\'"></object>',
        '<details open ontoggle="window.__pwned=\'toggle\'"><summary>s</summary>d</details>',
    ].join('\n');
    const payload = '<img src=x onerror="window.__pwned=\'text\'">';
    return {
        ok: true,
        article: {
            title: `Title ${payload}`, byline: `<script>window.__pwned='byline'</script>Eve`,
            site_name: `<b onmouseover="window.__pwned='site'">site</b>`, published: payload,
            lang: 'en"><img src=x onerror=window.__pwned=1>', dir: 'rtl" onclick="x',
            html, text: 'First safe paragraph.', markdown: 'First safe paragraph.',
            word_count: 10, reading_minutes: 1, readerable: true,
            page_type: `<img src=x onerror="window.__pwned='type'">`, page_items: 2,
            removed: { [`<img src=x onerror="window.__pwned='removed'">`]: 2 },
        },
    };
}

async function main() {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'readmode-browser-'));
    const profile = path.join(work, 'profile');
    const dataHome = path.join(work, 'data');
    const extensionDir = path.join(work, 'extension');
    /* clipboardRead lets the test read back what Copy wrote. */
    const manifest = testExtension(extensionDir, m => m.permissions.push('clipboardRead'));
    const id = extensionId(manifest);
    const hostManifest = path.join(profile, 'NativeMessagingHosts', 'org.readmode.host.json');
    const useHost = executable => writeHostManifest('chrome', hostManifest, executable);
    useHost(BINARY);
    const replyFile = path.join(work, 'reply.json');
    const server = await servePages(requests);
    const base = `http://127.0.0.1:${server.address().port}`;

    const context = await chromium.launchPersistentContext(profile, {
        executablePath: BROWSER,
        headless: true,
        viewport: { width: 1100, height: 800 },
        env: { ...process.env, XDG_DATA_HOME: dataHome },
        args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`,
               '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
               '--disable-component-update', '--disable-sync'],
    });
    const origin = `chrome-extension://${id}`;
    try {
        let worker = null;
        await test('extension loads and its service worker runs under the fixed id', async () => {
            [worker] = context.serviceWorkers();
            if (!worker)
                worker = await context.waitForEvent('serviceworker', { timeout: WAIT_MS });
            assert(worker.url() === `${origin}/background.js`, `worker at ${worker.url()}`);
            assert(await worker.evaluate(() => typeof globalThis.openReader) === 'function',
                   'openReader is not exposed');
        });
        if (!worker)
            return;

        await test('Chromium assigns the suggested shortcut (commands.getAll) and the tooltip names it', async () => {
            const commands = await worker.evaluate(() => chrome.commands.getAll());
            const open = commands.find(c => c.name === 'open-reader');
            assert(open && open.shortcut === 'Alt+R', `open-reader shortcut: ${JSON.stringify(open)}`);
            let title = '';
            for (let i = 0; i < 50 && !title.includes('Alt+R'); i++) {
                title = await worker.evaluate(() => chrome.action.getTitle({}));
                await new Promise(resolve => setTimeout(resolve, 100));
            }
            assert(title === 'Open in reader mode (Alt+R)', `tooltip "${title}"`);
        });

        const { page: articleTab, reader } = await openReaderOn(context, worker, `${base}/article.html`);
        await test('openReader opens reader.html for the article tab', async () => {
            const tabId = await worker.evaluate(async url => (await chrome.tabs.query({ url }))[0].id,
                                                `${base}/article.html`);
            assert(reader.url() === `${origin}/reader.html?tab=${tabId}`, reader.url());
            assert(articleTab.url().endsWith('/article.html'), 'article tab navigated away');
        });
        await test('reader shows the article title and body', async () => {
            const state = await stateOf(reader);
            assert(state === 'done', `status ${state}: ${await textOf(reader, '#status')} ${await textOf(reader, '#error')}`);
            assert((await textOf(reader, '#title')) === 'How canal locks lift boats uphill',
                   `title "${await textOf(reader, '#title')}"`);
            const body = await textOf(reader, '#content');
            assert(body.includes('Leonardo da Vinci'), 'body paragraph missing');
            assert(body.includes('staircase locks'), 'later body paragraph missing');
            assert((await reader.title()) === 'How canal locks lift boats uphill', 'document title');
            assert(!body.startsWith('How canal locks'), 'title repeated in the body');
        });
        await test('reader shows byline, date and reading time', async () => {
            const meta = await textOf(reader, '#meta');
            assert(/^Mara Lindqvist · Oct 3, 2025 · \d+ min read · [\d,]+ words$/.test(meta), `meta "${meta}"`);
        });
        await test('reader does not show comments, the ad-block nag or the share bar', async () => {
            const shown = await reader.locator('main').innerText();
            for (const junk of ['First! Great post', 'Caen Hill flight', 'Adblock Detected',
                                'disabling your ad blocker', 'Share on Facebook', 'Leave a Reply'])
                assert(!shown.includes(junk), `"${junk}" is shown`);
        });
        await test('reader shows the removed-clutter line', async () => {
            const removed = await textOf(reader, '#removed');
            assert(/^Removed: /.test(removed), `summary "${removed}"`);
            assert(/\bcomments\b/.test(removed) && /\bad-block notice\b/.test(removed), `"${removed}"`);
        });
        await test('time left and reading progress follow the scroll', async () => {
            const before = await textOf(reader, '#time-left');
            assert(/^(\d+ min|Less than a minute) left$|^Finished$/.test(before), `time left "${before}"`);
            await reader.setViewportSize({ width: 1100, height: 400 });
            await reader.evaluate(() => window.scrollTo(0, 0));
            await reader.waitForFunction(() => document.getElementById('progress').value < 0.05);
            await reader.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
            await reader.waitForFunction(() => document.getElementById('progress').value > 0.99);
            assert((await textOf(reader, '#time-left')) === 'Finished', 'not finished at the end');
            await reader.setViewportSize({ width: 1100, height: 800 });
            await reader.evaluate(() => window.scrollTo(0, 0));
        });
        await test('article markup carries no handlers and no javascript: links', async () => {
            const bad = await reader.evaluate(() => [...document.querySelectorAll('#content *')].flatMap(el =>
                [...el.attributes].filter(a => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value))
                    .map(a => `${el.localName}[${a.name}]`)));
            assert(bad.length === 0, bad.join(', '));
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
                box.id = 'pixel-test';
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
            await reader.evaluate(() => document.getElementById('pixel-test').remove());
        });

        await test('every control is reachable with Tab, has a name and a visible focus', async () => {
            await reader.click('#settings-toggle');
            await reader.click('#settings-toggle');
            await reader.evaluate(() => document.activeElement.blur());
            const reached = new Set();
            for (let i = 0; i < 25; i++) {
                await reader.keyboard.press('Tab');
                const focus = await reader.evaluate(() => {
                    const el = document.activeElement;
                    return { id: el.id, outline: getComputedStyle(el).outlineStyle };
                });
                if (focus.id)
                    reached.add(focus.id);
                assert(!focus.id || focus.outline !== 'none', `#${focus.id} shows no focus`);
            }
            for (const control of ['back', 'speak', 'speech-rate', 'copy-md', 'copy-text', 'print',
                                   'save-format', 'save', 'settings-toggle'])
                assert(reached.has(control), `#${control} not reached by Tab (reached ${[...reached]})`);
            const unnamed = await reader.evaluate(() =>
                [...document.querySelectorAll('#toolbar button, #toolbar select, #settings button, #settings select')]
                    .filter(el => !el.getAttribute('aria-label') && !el.closest('label') && !el.textContent.trim())
                    .map(el => el.id));
            assert(unnamed.length === 0, `controls without a name: ${unnamed}`);
        });

        await test('every setting applies, persists in storage.sync and survives a reload', async () => {
            await reader.click('#settings-toggle');
            await reader.selectOption('#set-theme', 'sepia');
            await reader.selectOption('#set-font', 'sans');
            await reader.click('#size-up');
            await reader.click('#size-up');
            await reader.selectOption('#set-width', 'wide');
            await reader.selectOption('#set-spacing', 'loose');
            const expected = { theme: 'sepia', font: 'sans', size: '6', width: 'wide', spacing: 'loose' };
            const check = async when => {
                const shown = await styles(reader, 'main', ['font-family', 'font-size', 'max-width', 'line-height']);
                assert(!/Georgia/.test(shown['font-family']), `${when}: font ${shown['font-family']}`);
                assert(shown['font-size'] === '24px', `${when}: size ${shown['font-size']}`);
                assert(shown['max-width'] === '1200px', `${when}: width ${shown['max-width']}`);
                assert(Math.abs(parseFloat(shown['line-height']) - 46.8) < 0.5, `${when}: line ${shown['line-height']}`);
                const bg = (await styles(reader, 'body', ['background-color']))['background-color'];
                assert(bg === 'rgb(244, 236, 216)', `${when}: sepia background ${bg}`);
            };
            await reader.waitForFunction(() => document.documentElement.dataset.spacing === 'loose');
            await check('after the change');
            const stored = await worker.evaluate(async () => (await chrome.storage.sync.get('readerSettings')).readerSettings);
            for (const [name, value] of Object.entries(expected))
                assert(stored[name] === value, `storage.sync: ${JSON.stringify(stored)}`);
            await reader.reload({ waitUntil: 'domcontentloaded' });
            /* Applied before the first paint: already there when the body is parsed. */
            const early = await reader.evaluate(() => ({ ...document.documentElement.dataset }));
            assert(early.theme === 'sepia' && early.size === '6', `at DOMContentLoaded: ${JSON.stringify(early)}`);
            await settled(reader);
            await check('after a reload');
            /* A computer that has not seen the settings (no local copy): the page
             * stays hidden until storage.sync has answered, never shown in the default look. */
            await reader.evaluate(() => localStorage.clear());
            await reader.reload({ waitUntil: 'domcontentloaded' });
            const first = await reader.evaluate(() => ({
                ready: 'ready' in document.documentElement.dataset,
                theme: document.documentElement.dataset.theme,
                visibility: getComputedStyle(document.body).visibility,
            }));
            assert(first.ready ? first.theme === 'sepia' : first.visibility === 'hidden',
                   `shown before the settings: ${JSON.stringify(first)}`);
            await settled(reader);
            await check('after a reload without the local copy');
            assert(await reader.locator('#settings').isHidden(), 'settings panel open after a reload');
        });

        await test('light, sepia and dark really change the colours; system follows the OS', async () => {
            const colours = {};
            for (const theme of ['light', 'sepia', 'dark']) {
                await worker.evaluate(t => chrome.storage.sync.set({ readerSettings: {
                    theme: t, font: 'serif', size: '4', width: 'medium', spacing: 'normal' } }), theme);
                await reader.waitForFunction(t => document.documentElement.dataset.theme === t, theme);
                colours[theme] = await styles(reader, 'body', ['background-color', 'color']);
                await screenshot(reader, `reader-${theme}.png`);
            }
            assert(colours.light['background-color'] === 'rgb(251, 250, 247)', JSON.stringify(colours.light));
            assert(colours.sepia['background-color'] === 'rgb(244, 236, 216)', JSON.stringify(colours.sepia));
            assert(colours.dark['background-color'] === 'rgb(28, 27, 26)', JSON.stringify(colours.dark));
            assert(colours.dark.color === 'rgb(230, 227, 220)', `dark text ${colours.dark.color}`);
            await worker.evaluate(() => chrome.storage.sync.set({ readerSettings: { theme: 'system' } }));
            await reader.waitForFunction(() => document.documentElement.dataset.theme === 'system');
            await reader.emulateMedia({ colorScheme: 'dark' });
            const dark = (await styles(reader, 'body', ['background-color']))['background-color'];
            await reader.emulateMedia({ colorScheme: 'light' });
            const light = (await styles(reader, 'body', ['background-color']))['background-color'];
            assert(dark === 'rgb(28, 27, 26)' && light === 'rgb(251, 250, 247)', `system: ${dark} / ${light}`);
        });

        await test('read aloud speaks each sentence in the article language and highlights it', async () => {
            await reader.evaluate(() => {
                window.__spoken = [];
                const voices = [{ name: 'Anna', lang: 'de-DE', default: true },
                                { name: 'Daniel', lang: 'en-GB', default: false },
                                { name: 'Amélie', lang: 'fr-FR', default: false }];
                window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
                Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: {
                    getVoices: () => voices,
                    speak(u) {
                        window.__spoken.push({ text: u.text, lang: u.lang, voice: u.voice && u.voice.name,
                            rate: u.rate, highlighted: String(CSS.highlights.get('readmode-sentence')
                                && [...CSS.highlights.get('readmode-sentence')][0]) });
                        setTimeout(() => u.onend && u.onend(), 20);
                    },
                    cancel() {}, pause() {}, resume() {},
                } });
            });
            await reader.selectOption('#speech-rate', '1.25');
            await reader.click('#speak');
            await reader.waitForFunction(() => window.__spoken.length >= 4);
            await reader.click('#speak');
            const spoken = await reader.evaluate(() => window.__spoken);
            assert(spoken[0].text === 'How canal locks lift boats uphill', `first: ${spoken[0].text}`);
            assert(spoken[1].text.startsWith('A canal lock is a short stretch'), `second: ${spoken[1].text}`);
            for (const s of spoken) {
                assert(s.lang === 'en' && s.voice === 'Daniel' && s.rate === 1.25, JSON.stringify(s));
                assert(s.highlighted === s.text, `highlight "${s.highlighted}" while reading "${s.text}"`);
            }
            const pressed = await reader.locator('#speak').getAttribute('aria-pressed');
            assert(pressed === 'false', 'still playing after pause');
            const count = spoken.length;
            await reader.waitForTimeout(150);
            assert((await reader.evaluate(() => window.__spoken.length)) === count, 'went on after pause');
        });

        await test('Copy puts the Markdown with title and source on the clipboard', async () => {
            await reader.click('#copy-md');
            await reader.waitForFunction(() => document.getElementById('status').dataset.state === 'copied');
            const markdown = await reader.evaluate(() => navigator.clipboard.readText());
            const lines = markdown.split('\n');
            assert(lines[0] === '# How canal locks lift boats uphill', `first line "${lines[0]}"`);
            assert(lines[2] === `Source: <${base}/article.html>`, `third line "${lines[2]}"`);
            assert(markdown.includes('![A narrowboat rising in a lock chamber]'), 'image missing');
            assert(!markdown.includes('First! Great post'), 'comments copied');
            await reader.click('#copy-text');
            await reader.waitForFunction(() => document.getElementById('status').textContent === 'Copied as plain text');
            const text = await reader.evaluate(() => navigator.clipboard.readText());
            assert(text.startsWith(`How canal locks lift boats uphill\n${base}/article.html\n\nA canal lock`),
                   text.slice(0, 120));
        });

        await test('the print stylesheet hides the controls, prints black on white, spells out links', async () => {
            await worker.evaluate(() => chrome.storage.sync.set({ readerSettings: { theme: 'dark' } }));
            await reader.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
            await reader.emulateMedia({ media: 'print' });
            const toolbar = await styles(reader, '#toolbar', ['display']);
            const body = await styles(reader, 'body', ['background-color', 'color']);
            const link = await reader.evaluate(() => getComputedStyle(
                document.querySelector('#content a[href]'), '::after').content);
            await reader.emulateMedia({ media: 'screen' });
            assert(toolbar.display === 'none', `toolbar ${toolbar.display}`);
            assert(body['background-color'] === 'rgb(255, 255, 255)' && body.color === 'rgb(0, 0, 0)',
                   JSON.stringify(body));
            assert(/^" \(" attr\(href\) "\)"$|\/guides\/first-lock\//.test(link), `link after: ${link}`);
            await worker.evaluate(() => chrome.storage.sync.set({ readerSettings: { theme: 'light' } }));
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
            const content = fs.readFileSync(saved, 'utf8');
            assert(content.includes('How canal locks lift boats uphill'), 'saved file lacks the title');
            assert(content.includes('mitre gates'), 'saved file lacks the body');
            assert(!content.includes('First! Great post'), 'saved file has the comments');
        });

        await test('the error box goes away when a later save succeeds', async () => {
            const hidden = hostManifest + '.off';
            fs.renameSync(hostManifest, hidden);
            try {
                await reader.click('#save');
                await reader.waitForFunction(() => !document.getElementById('error').hidden);
                assert((await textOf(reader, '#error')).includes('not installed'), 'no install hint');
            } finally {
                fs.renameSync(hidden, hostManifest);
            }
            await reader.click('#save');
            await reader.waitForFunction(() => document.getElementById('status').dataset.state === 'saved',
                                         null, { timeout: WAIT_MS });
            assert(await reader.locator('#error').isHidden(), 'the error box is still shown');
        });

        await test('Esc goes back to the page: the reader closes, the page is the active tab', async () => {
            const closed = reader.waitForEvent('close', { timeout: WAIT_MS });
            /* The tab may close between key down and key up: only the close counts. */
            await reader.keyboard.press('Escape').catch(() => {});
            await closed;
            const [active] = await worker.evaluate(() => chrome.tabs.query({ active: true, currentWindow: true }));
            assert(active.url === `${base}/article.html`, `active tab ${active.url}`);
        });
        await closeAll(articleTab, reader);

        await test('the toolbar badge marks an article, and not an index page', async () => {
            const sign = async url => {
                const page = await context.newPage();
                await page.goto(url);
                await page.bringToFront();
                const badge = await worker.evaluate(async target => {
                    const [tab] = await chrome.tabs.query({ url: target });
                    await globalThis.probeTab(tab);
                    return chrome.action.getBadgeText({ tabId: tab.id });
                }, url);
                await page.close();
                return badge;
            };
            assert(await sign(`${base}/article.html`) === '✓', 'no badge on the article');
            assert(await sign(`${base}/index.html`) === '', 'a badge on the index page');
        });

        await test('the badge is computed for the active tab only: a page loading behind is not probed', async () => {
            const url = `${base}/article.html?behind`;
            const tabId = await worker.evaluate(async target => {
                const tab = await chrome.tabs.create({ url: target, active: false });
                await new Promise(resolve => chrome.tabs.onUpdated.addListener(function done(id, change) {
                    if (id === tab.id && change.status === 'complete') {
                        chrome.tabs.onUpdated.removeListener(done);
                        resolve();
                    }
                }));
                return tab.id;
            }, url);
            await new Promise(resolve => setTimeout(resolve, 500));
            const behind = await worker.evaluate(id => chrome.action.getBadgeText({ tabId: id }), tabId);
            assert(behind === '', `a background tab got the badge "${behind}"`);
            await worker.evaluate(id => chrome.tabs.update(id, { active: true }), tabId);
            let shown = '';
            for (let i = 0; i < 50 && !shown; i++) {
                await new Promise(resolve => setTimeout(resolve, 100));
                shown = await worker.evaluate(id => chrome.action.getBadgeText({ tabId: id }), tabId);
            }
            assert(shown === '✓', 'no badge once the tab became active');
            await worker.evaluate(id => chrome.tabs.remove(id), tabId);
        });

        await test('an RTL article turns only its own text, not the interface strings', async () => {
            const { page, reader: rtl } = await openReaderOn(context, worker, `${base}/rtl.html`);
            const direction = async sel => (await styles(rtl, sel, ['direction'])).direction;
            assert(await direction('#content') === 'rtl', 'the body is not right to left');
            assert(await direction('#title') === 'rtl', 'the title is not right to left');
            for (const sel of ['#meta', '#removed', '#site', '#source', '#status', '#toolbar'])
                assert(await direction(sel) === 'ltr', `${sel} turned right to left`);
            assert((await textOf(rtl, '#removed')).startsWith('Removed: '), 'removed line');
            const byline = await rtl.evaluate(() => document.querySelector('#meta bdi').textContent);
            assert(byline === 'سارة الحمدان', `byline ${byline}`);
            await screenshot(rtl, 'reader-rtl.png');
            await closeAll(page, rtl);
        });

        await test('a tall image fits the window; caption parts stay apart', async () => {
            const { page, reader: fig } = await openReaderOn(context, worker, `${base}/figures.html`);
            await fig.waitForFunction(() => document.querySelector('#content figure img')?.complete);
            const box = await fig.evaluate(() => {
                const img = document.querySelector('#content figure img');
                return { height: img.getBoundingClientRect().height, width: img.getBoundingClientRect().width,
                         window: window.innerHeight };
            });
            assert(box.height <= box.window && box.height > 100, JSON.stringify(box));
            assert(Math.abs(box.width / box.height - 0.2) < 0.01, `proportions lost: ${JSON.stringify(box)}`);
            const caption = await textOf(fig, '#content figcaption');
            assert(/World War II\.\s+Credit/.test(caption), `caption "${caption}"`);
            await closeAll(page, fig);
        });

        await test('a reply over 1 MiB arrives in chunks and renders completely', async () => {
            const { page, reader: big } = await openReaderOn(context, worker, `${base}/big.html`);
            const state = await stateOf(big);
            assert(state === 'done', `status ${state}: ${await textOf(big, '#error')}`);
            const stats = await big.evaluate(() => globalThis.readmodeDiagnostics);
            assert(stats.frames > 1, `reply came in ${stats.frames} frame(s)`);
            assert(stats.joinedChars > 1048576, `reply was only ${stats.joinedChars} characters`);
            const body = await textOf(big, '#content');
            assert(body.includes('Section 0.') && body.includes('Section 1499.'), 'body incomplete');
            assert(body.includes('terminus basin'), 'last paragraph missing');
            await closeAll(page, big);
        });

        await test('a page without an article says so once, in plain words', async () => {
            const { page, reader: none } = await openReaderOn(context, worker, `${base}/signin.html`);
            assert(await stateOf(none) === 'error', 'no error');
            const title = await textOf(none, '#error-title');
            const advice = await textOf(none, '#error-advice');
            assert(title === 'This page does not look like an article', title);
            assert(!advice.toLowerCase().includes('no article found'), `said twice: "${advice}"`);
            assert(await none.locator('#show-anyway').isHidden(), 'offers text where there is none');
            await screenshot(none, 'reader-error.png');
            await closeAll(page, none);
        });

        await test('"Show the best text anyway" shows what the host found and hides the error', async () => {
            const reply = forumReply();
            reply.ok = false;
            reply.error = { code: 'no_article', message: 'no article found on this page' };
            fs.writeFileSync(replyFile, JSON.stringify(reply));
            useHost(fakeHost(work, 'reply', replyFile));
            try {
                const { page, reader: none } = await openReaderOn(context, worker, `${base}/article.html`);
                assert(await stateOf(none) === 'error', 'no error');
                await none.click('#show-anyway');
                assert(await none.locator('#error').isHidden(), 'error still shown');
                assert((await textOf(none, '#content')).includes('long-throw'), 'no best-effort text');
                await closeAll(page, none);
            } finally {
                useHost(BINARY);
            }
        });

        await test('a reader tab without a tab id says how to open one', async () => {
            const lost = await context.newPage();
            await lost.goto(`${origin}/reader.html`);
            await lost.waitForFunction(() => document.getElementById('status').dataset.state === 'error');
            const error = await textOf(lost, '#error');
            assert(error.includes('No page to read') && error.includes('Alt+R'), `"${error}"`);
            assert(!/No tab with id/.test(error), `"${error}"`);
            await lost.close();
        });

        await test('with the host manifest removed, the page shows the install hint', async () => {
            const hidden = hostManifest + '.off';
            fs.renameSync(hostManifest, hidden);
            try {
                const { page, reader: orphan } = await openReaderOn(context, worker, `${base}/article.html`);
                const error = await textOf(orphan, '#error');
                assert(error.includes('not installed') && error.includes('./install.sh'), `"${error}"`);
                await closeAll(page, orphan);
            } finally {
                fs.renameSync(hidden, hostManifest);
            }
        });

        await test('a crashing host and a silent host each get their plain-word text', async () => {
            await worker.evaluate(() => chrome.storage.local.set({ replyTimeoutMs: 1500 }));
            try {
                for (const [mode, expected] of [['crash', 'stopped unexpectedly'], ['silent', 'did not answer']]) {
                    useHost(fakeHost(work, mode));
                    const { page, reader: failed } = await openReaderOn(context, worker, `${base}/article.html`);
                    const error = await textOf(failed, '#error');
                    assert(error.includes(expected) && error.includes('Reload this page'), `${mode}: "${error}"`);
                    assert(!/host-timeout|host-crashed/.test(error), `${mode}: internal name shown: "${error}"`);
                    await closeAll(page, failed);
                }
            } finally {
                useHost(BINARY);
                await worker.evaluate(() => chrome.storage.local.remove('replyTimeoutMs'));
            }
        });

        await test('page type, item count and removed line; long reads in hours', async () => {
            fs.writeFileSync(replyFile, JSON.stringify(forumReply()));
            useHost(fakeHost(work, 'reply', replyFile));
            try {
                const { page, reader: forum } = await openReaderOn(context, worker, `${base}/article.html`);
                const line = await textOf(forum, '#removed');
                assert(line === 'Forum thread · 14 posts · removed: comments, ad-block notice, 3 related links',
                       `"${line}"`);
                const meta = await textOf(forum, '#meta');
                assert(meta.includes('15 h 26 min read') && meta.includes('180,000 words'), `"${meta}"`);
                await closeAll(page, forum);
            } finally {
                useHost(BINARY);
            }
        });

        await test('XSS payloads in a host reply never run and never become markup', async () => {
            fs.writeFileSync(replyFile, JSON.stringify(hostileReply()));
            useHost(fakeHost(work, 'reply', replyFile));
            try {
                const { page, reader: hostile } = await openReaderOn(context, worker, `${base}/article.html`);
                assert(await stateOf(hostile) === 'done', 'not rendered');
                await hostile.mouse.move(300, 300);
                await hostile.locator('#content p').last().click().catch(() => {});
                await hostile.waitForTimeout(300);
                assert(await hostile.evaluate(() => window.__pwned) === undefined, 'a payload ran');
                const found = await hostile.evaluate(() => ({
                    scripts: [...document.scripts].map(s => s.getAttribute('src')),
                    handlers: [...document.querySelectorAll('*')].flatMap(el => [...el.attributes]
                        .filter(a => /^on/i.test(a.name) || /javascript:/i.test(a.value)).map(a => a.name)),
                    active: document.querySelectorAll('#article iframe, #article svg, #article math, #article form, '
                        + '#article object, #article style, #article noscript').length,
                    markupInText: [...document.querySelectorAll('#title *, #meta *:not(bdi), #removed *, #site *:not(bdi)')].length,
                    contentHtml: document.getElementById('content').innerHTML,
                    body: document.getElementById('content').innerText,
                }));
                assert(found.scripts.every(src => ['settings.js', 'sanitize.js', 'speech.js', 'offline.js', 'reader.js'].includes(src)),
                       `scripts: ${found.scripts}`);
                assert(found.handlers.length === 0, `attributes: ${found.handlers}`);
                assert(found.active === 0, 'active elements survived');
                assert(found.markupInText === 0, 'metadata became markup');
                assert(!/onerror|<script|javascript:/i.test(found.contentHtml), found.contentHtml);
                assert(found.body.includes('First safe paragraph.') && found.body.includes('Second safe paragraph.'),
                       'safe text lost');
                await closeAll(page, hostile);
            } finally {
                useHost(BINARY);
            }
        });

        const fixtures = junkFixtures();
        if (!fixtures.length)
            console.log('# junk fixtures: SKIPPED, ../shared/fixtures/junk not found');
        for (const fixture of fixtures) {
            await test(`junk fixture ${fixture.name}: none of its junk is shown`, async () => {
                const { page, reader: junk } = await openReaderOn(context, worker, `${base}/junk/${fixture.name}.html`);
                assert(await stateOf(junk) === 'done', `status ${await stateOf(junk)}`);
                const shown = (await junk.locator('main').innerText()).replace(/\s+/g, ' ');
                const leaked = fixture.junk.filter(line => shown.includes(line));
                assert(leaked.length === 0, `shown: ${leaked.join(' | ')}`);
                await closeAll(page, junk);
            });
        }
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
