/*
 * reader.js — the reader page: reads the source tab, asks the native host
 * (the `readmode` program) for the article, shows it, and runs the toolbar.
 *
 * Flow: reader.html?tab=ID → scripting.executeScript reads that tab's HTML
 * and URL → an "extract" request over a native port → render the metadata,
 * the page type and removed clutter, and the article body → the toolbar
 * (read aloud, copy, print, save, settings, back with Esc) works on it.
 *
 * The host answers over runtime.connectNative rather than sendNativeMessage
 * because browsers drop any single host message over 1 MiB: the host splits
 * big replies into {id, chunk, chunks, data} frames, joined here.
 *
 * Interface strings are this page's own (English, left to right); only the
 * article's title and body take the page's language and direction, so an
 * Arabic article does not turn "Removed: …" around.
 */
'use strict';

const HOST = 'org.readmode.host';
const REPLY_TIMEOUT_MS = 60000;

/* How the last native reply arrived, read by the browser test and handy in
 * the devtools console: frames > 1 means it came in chunks, joinedChars is
 * then the length of the joined JSON text. */
const diagnostics = { frames: 0, joinedChars: 0 };
globalThis.readmodeDiagnostics = diagnostics;

/* ---------- Talking to the native host ---------- */

/* An Error whose `kind` selects the message shown to the user; `detail`
 * is the browser's or host's own wording, shown under "Technical details". */
function failure(kind, detail) {
    const error = new Error(detail || '');
    error.kind = kind;
    return error;
}

/* Browser error strings (Chromium and Firefox) for a host that cannot be
 * started or talked to, mapped to the failure kinds of FAILURE_TEXT.
 * Source: the browsers' native messaging implementations. */
const DISCONNECT_REASONS = [
    [/not found|No such native application/i, 'host-missing'],
    [/forbidden/i, 'host-forbidden'],
    [/has exited|unexpected error|Failed to start/i, 'host-crashed'],
    [/communicating|exceeds the limit/i, 'host-garbled'],
];

function disconnectFailure(message) {
    const match = DISCONNECT_REASONS.find(([pattern]) => pattern.test(message));
    return failure(match ? match[1] : 'host-crashed', message);
}

let nextRequestId = 1;
let replyTimeoutMs = REPLY_TIMEOUT_MS;

/* Send one request on a port of its own and resolve with the host's reply
 * (chunked or not). Each request gets its own host process, which exits as
 * soon as the port is closed: no idle process per open reader tab. */
function nativeRequest(request) {
    return new Promise((resolve, reject) => {
        const id = nextRequestId++;
        const chunks = [];
        let port = null;
        let timer = null;

        function settle(error, reply) {
            if (timer === null)
                return;                     /* already settled */
            clearTimeout(timer);
            timer = null;
            if (port)
                port.disconnect();
            if (error)
                reject(error);
            else
                resolve(reply);
        }

        function onFrame(frame) {
            if (!frame || frame.id !== id)
                return;
            if (!Number.isInteger(frame.chunk)) {
                diagnostics.frames = 1;
                diagnostics.joinedChars = 0;
                settle(null, frame);
                return;
            }
            if (frame.chunk !== chunks.length || typeof frame.data !== 'string') {
                settle(failure('host-garbled', `unexpected chunk ${frame.chunk} after ${chunks.length}`));
                return;
            }
            chunks.push(frame.data);
            if (chunks.length < frame.chunks)
                return;
            const text = chunks.join('');
            diagnostics.frames = chunks.length;
            diagnostics.joinedChars = text.length;
            try {
                settle(null, JSON.parse(text));
            } catch (e) {
                settle(failure('host-garbled', 'reassembled reply is not JSON: ' + e.message));
            }
        }

        timer = setTimeout(() => settle(failure('host-timeout',
            `no reply after ${Math.round(replyTimeoutMs / 1000)} s`)), replyTimeoutMs);
        try {
            port = chrome.runtime.connectNative(HOST);
        } catch (e) {
            settle(disconnectFailure(e.message));
            return;
        }
        port.onMessage.addListener(onFrame);
        port.onDisconnect.addListener(closed => {
            /* Chromium reports why in runtime.lastError, Firefox in port.error. */
            const why = chrome.runtime.lastError || closed.error;
            port = null;
            settle(disconnectFailure(why ? why.message : 'Native host has exited.'));
        });
        try {
            port.postMessage({ ...request, id });
        } catch (e) {
            /* Chromium throws synchronously for messages over 64 MiB. */
            settle(failure('too-large', e.message));
        }
    });
}

/* ---------- Reading the source tab ---------- */

/* The tab's current DOM (after scripts ran), not a re-download: what the
 * user sees, logged-in state included. activeTab, granted by the click or
 * key press that opened this page, is what allows it. */
async function readTab(tabId) {
    let results;
    try {
        results = await chrome.scripting.executeScript({
            target: { tabId },
            func: () => ({ url: location.href, html: document.documentElement.outerHTML }),
        });
    } catch (e) {
        throw failure('tab-unreadable', e.message);
    }
    const page = results && results[0] && results[0].result;
    if (!page || typeof page.html !== 'string')
        throw failure('tab-unreadable', 'the page returned no HTML');
    return page;
}

/* ---------- Rendering ---------- */

const $ = id => document.getElementById(id);

/* Pages often repeat their title as the body's first heading; the reader
 * already shows it above the byline, so a leading copy is dropped. */
function dropRepeatedTitle(body, title) {
    let first = body.firstElementChild;
    while (first && ['div', 'section'].includes(first.localName))
        first = first.firstElementChild;
    const squeeze = text => (text || '').replace(/\s+/g, ' ').trim();
    if (first && /^h[1-3]$/.test(first.localName) && title && squeeze(first.textContent) === squeeze(title))
        first.remove();
}

function setStatus(state, text) {
    const status = $('status');
    status.dataset.state = state;
    status.textContent = text;
}

/* How each kind of removed clutter is named: [one block, several blocks].
 * Kinds are the library's rm_removed_kind names (unknown kinds are shown by
 * name); the counts are removed blocks, e.g. a whole comment thread counts
 * once, so one block is named without a number. */
const REMOVED_LABELS = {
    comments: ['comments', 'comment sections'],
    adblock: ['ad-block notice', 'ad-block notices'],
    related: ['related links', 'related links'],
    share: ['share buttons', 'share bars'],
    consent: ['cookie banner', 'cookie banners'],
    prompt: ['newsletter or paywall prompt', 'newsletter or paywall prompts'],
    navigation: ['navigation', 'navigation blocks'],
    footer: ['footer', 'footers'],
    ads: ['an ad', 'ads'],
};

/* "comments, ad-block notice, 3 related links", in the host's order. */
function removedList(removed) {
    return Object.entries(removed || {})
        .filter(([, count]) => Number.isInteger(count) && count > 0)
        .map(([kind, count]) => {
            const [one, many] = REMOVED_LABELS[kind] || [kind, kind];
            return count === 1 ? one : `${count} ${many}`;
        })
        .join(', ');
}

/* The engine's page types (rm_extract's page_type) as shown, and what its
 * page_items count. An article needs no label: it is what a reader shows. */
const PAGE_TYPES = {
    article: ['', ['item', 'items']],
    forum: ['Forum thread', ['post', 'posts']],
    documentation: ['Documentation', ['section', 'sections']],
    service: ['Service page', ['item', 'items']],
    product: ['Product page', ['item', 'items']],
    collection: ['Collection', ['card', 'cards']],
    listing: ['Listing', ['entry', 'entries']],
};

/* "Forum thread · 14 posts · removed: comments, 3 related links" */
function summaryLine(article) {
    const type = typeof article.page_type === 'string' ? article.page_type : '';
    const [label, [one, many]] = PAGE_TYPES[type] || [type, ['item', 'items']];
    const parts = [];
    if (label)
        parts.push(label);
    const items = article.page_items;
    if (label && Number.isInteger(items) && items > 0)
        parts.push(`${items.toLocaleString('en')} ${items === 1 ? one : many}`);
    const removed = removedList(article.removed);
    if (removed)
        parts.push((parts.length ? 'removed: ' : 'Removed: ') + removed);
    const line = parts.join(' · ');
    return line.charAt(0).toUpperCase() + line.slice(1);
}

function formatDate(iso) {
    const date = new Date(iso);
    return isNaN(date) ? iso : date.toLocaleDateString('en', { dateStyle: 'medium' });
}

/* "6 min", "2 h 5 min": long reads in hours, never "926 min". */
function formatMinutes(minutes) {
    const rounded = Math.max(1, Math.round(minutes));
    if (rounded < 60)
        return `${rounded} min`;
    const rest = rounded % 60;
    return `${Math.floor(rounded / 60)} h` + (rest ? ` ${rest} min` : '');
}

/* "By Jane Doe · Nov 12, 2025 · 6 min read · 1,204 words". The byline is
 * text from the page in any script: <bdi> keeps its direction to itself. */
function renderMeta(article) {
    const parts = [];
    if (article.byline) {
        const name = document.createElement('bdi');
        name.textContent = article.byline;
        parts.push(name);
    }
    if (article.published)
        parts.push(formatDate(article.published));
    if (article.reading_minutes > 0)
        parts.push(`${formatMinutes(article.reading_minutes)} read`);
    if (article.word_count)
        parts.push(`${article.word_count.toLocaleString('en')} words`);
    const meta = $('meta');
    meta.replaceChildren();
    parts.forEach((part, i) => meta.append(...(i ? [' · ', part] : [part])));
}

function hostnameOf(url) {
    try {
        return new URL(url).hostname;
    } catch {
        return '';
    }
}

/* The article being shown, for copy, read-aloud and the time left. */
let shown = null;

function renderArticle(article, page) {
    const base = article.url || page.url;
    document.title = article.title || 'Reader mode';
    /* Only the page's own text takes its language and direction. */
    for (const id of ['title', 'content']) {
        $(id).lang = article.lang || '';
        $(id).dir = article.dir || 'auto';
    }
    const site = document.createElement('bdi');
    site.textContent = article.site_name || hostnameOf(base);
    $('site').replaceChildren(site);
    $('title').textContent = article.title || '';
    renderMeta(article);
    $('removed').textContent = summaryLine(article);
    const body = typeof article.html === 'string'
        ? sanitize(article.html, base) : textToParagraphs(article.text || '');
    dropRepeatedTitle(body, article.title);
    $('content').replaceChildren(body);
    const source = safeUrl(page.url, 'href', undefined);
    if (source)
        $('source').href = source;
    $('article').hidden = false;
    $('article-controls').hidden = false;
    shown = { article, url: source || '' };
    updateProgress();
    document.dispatchEvent(new Event('readmode-article'));
}

/* ---------- Failures, in plain words, each with what to do ---------- */

const SHORTCUT_PLACES = 'chrome://extensions/shortcuts in Chrome, Chromium, Edge and Brave; '
    + 'about:addons, then the gear menu, "Manage Extension Shortcuts" in Firefox';

/* The shortcut the browser really assigned, or '' when none is. */
async function assignedShortcut() {
    try {
        const command = (await chrome.commands.getAll()).find(c => c.name === 'open-reader');
        return command && command.shortcut ? command.shortcut : '';
    } catch {
        return '';
    }
}

async function openAdvice() {
    const key = await assignedShortcut();
    return key
        ? `Go to the page you want to read and click the readmode button on the toolbar, or press ${key}.`
        : 'Go to the page you want to read and click the readmode button on the toolbar. '
          + `To open it from the keyboard, set a shortcut at ${SHORTCUT_PLACES}.`;
}

/* What the user is told for each failure kind: a title and what to do. */
const FAILURE_TEXT = {
    'bad-tab': ['No page to read', openAdvice],
    'tab-unreadable': ['This page cannot be read',
        'Browsers keep extensions out of their own pages, extension stores and built-in viewers. '
        + 'If this is a normal web page, reload it and open reader mode again.'],
    'host-missing': ['The readmode program is not installed',
        'This extension needs the readmode program on this computer. In a terminal, run '
        + './install.sh in the readmode source folder, then reload this page.'],
    'host-forbidden': ['The readmode program does not accept this extension',
        'readmode is registered for a different copy of the extension. Run ./install.sh again '
        + 'to register this one, then reload this page.'],
    'host-crashed': ['The readmode program stopped unexpectedly',
        'Reload this page to try again. If it happens again, run "readmode --version" in a '
        + 'terminal to check the installed program, and reinstall it with ./install.sh.'],
    'host-garbled': ['The readmode program sent a reply this extension cannot read',
        'The installed program is probably older or newer than the extension: reinstall it '
        + 'with ./install.sh from the same source folder, then reload this page.'],
    'host-timeout': ['The readmode program did not answer',
        'It may be stuck on this page. Reload this page to try again; if it keeps happening, '
        + 'save the page (Ctrl+S) and run "readmode page.html" in a terminal to see what happens.'],
    'too-large': ['This page is too large',
        'It is bigger than readmode accepts from the browser (64 MB). Save the page (Ctrl+S) '
        + 'and run "readmode --max-size 0 page.html" in a terminal instead.'],
    bad_utf8: ['This page cannot be read',
        'Its text is not valid Unicode. Reload the page and try again.'],
    bad_input: ['This page cannot be read',
        'It does not look like an HTML page. Open reader mode on a web page.'],
    no_article: ['This page does not look like an article',
        'readmode found no main text here: it may be a home page, a list of links, a search '
        + 'page, a form or an app.'],
};

async function showFailure(kind, detail, bestEffort) {
    const [title, advice] = FAILURE_TEXT[kind]
        || ['Reader mode failed', 'Reload this page to try again.'];
    setStatus('error', title);
    $('error-title').textContent = title;
    $('error-advice').textContent = typeof advice === 'function' ? await advice() : advice;
    $('error-detail').textContent = detail || '';
    $('error-details').hidden = !detail;
    $('show-anyway').hidden = !bestEffort;
    $('error').hidden = false;
}

function hideFailure() {
    $('error').hidden = true;
}

/* ---------- Page logic ---------- */

/* The page as read from the tab, kept for the save request. */
let page = null;
let sourceTabId = null;
let bestEffort = null;

/* Host error codes that share a message with a browser-side failure. */
const HOST_ERROR_KINDS = { too_large: 'too-large' };

/* The tab parameter: a tab id, never a missing one read as 0. */
function sourceTab() {
    const value = new URLSearchParams(location.search).get('tab');
    return value && /^\d+$/.test(value) ? Number(value) : null;
}

async function load() {
    const saved = new URLSearchParams(location.search).get('saved');
    if (saved !== null)
        return loadSaved(saved);   /* a saved article, read back (offline.js) */
    sourceTabId = sourceTab();
    if (sourceTabId === null) {
        await showFailure('bad-tab');
        return;
    }
    try {
        /* Tests shorten the wait for a silent host. */
        const { replyTimeoutMs: custom } = await chrome.storage.local.get('replyTimeoutMs');
        if (Number.isInteger(custom) && custom > 0)
            replyTimeoutMs = custom;
        page = await readTab(sourceTabId);
        setStatus('extracting', 'Cleaning up the page…');
        const reply = await nativeRequest({ type: 'extract', html: page.html, url: page.url,
                                            formats: ['html', 'text', 'markdown'] });
        if (reply.ok) {
            renderArticle(reply.article, page);
            setStatus('done', reply.article.readerable ? 'Reader mode'
                : 'Reader mode (this page may not be an article)');
            return;
        }
        const code = reply.error ? reply.error.code : '';
        const article = reply.article;
        /* With no_article the host still sends the best text it found. */
        bestEffort = article && (article.html || article.text) ? article : null;
        await showFailure(HOST_ERROR_KINDS[code] || code, reply.error ? reply.error.message : '',
                          bestEffort);
    } catch (e) {
        await showFailure(e.kind, e.message);
    }
}

function showBestEffort() {
    if (!bestEffort)
        return;
    hideFailure();
    renderArticle(bestEffort, page);
    setStatus('done', 'Reader mode (this page may not be an article)');
}

/* Saving keeps to the one request; the list of saved articles lives elsewhere. */
async function save(replace) {
    const button = $('save');
    button.disabled = true;
    $('save-replace').hidden = true;
    setStatus('saving', 'Saving…');
    try {
        /* offline.js adds the article's images, asking for their hosts
         * within this click; force saves a best effort or replaces a copy. */
        const force = replace === true || Boolean(shown && shown.article === bestEffort);
        const reply = await nativeRequest(await saveRequest(page, $('save-format').value, force));
        const [state, text] = describeSave(reply);
        if (state === 'saved')   /* saved now, or saved before */
            hideFailure();
        setStatus(state, text);
    } catch (e) {
        await showFailure(e.kind, e.message);
    } finally {
        button.disabled = false;
    }
}

/* ---------- Back to the page ---------- */

/* Show the page this reader was opened from and close the reader; if that
 * tab is gone, load the original address here instead. */
async function backToPage() {
    if (sourceTabId !== null) {
        try {
            await chrome.tabs.update(sourceTabId, { active: true });
            const self = await chrome.tabs.getCurrent();
            if (self)
                await chrome.tabs.remove(self.id);
            return;
        } catch {
            /* the tab was closed: fall through */
        }
    }
    if (shown && shown.url)
        location.href = shown.url;
}

/* ---------- Copy and print ---------- */

/* The article as Markdown or plain text, headed by its title and source. */
function articleAs(format) {
    const { article, url } = shown;
    const title = article.title || document.title;
    if (format === 'markdown') {
        const body = article.markdown || article.text || '';
        const text = body.startsWith('# ') ? body : `# ${title}\n\n${body}`;
        const [heading, ...rest] = text.split('\n');
        return [heading, '', `Source: <${url}>`, ...rest].join('\n').replace(/\n{3,}/g, '\n\n');
    }
    return `${title}\n${url}\n\n${article.text || $('content').innerText}`;
}

async function copyArticle(format, label) {
    try {
        await navigator.clipboard.writeText(articleAs(format));
        hideFailure();
        setStatus('copied', `Copied as ${label}`);
    } catch (e) {
        setStatus('error', `Could not copy: ${e.message}`);
    }
}

/* ---------- Progress and time left ---------- */

function updateProgress() {
    const scrollable = document.documentElement.scrollHeight - window.innerHeight;
    const fraction = scrollable > 0 ? Math.min(1, Math.max(0, window.scrollY / scrollable)) : 1;
    $('progress').value = fraction;
    const minutes = shown ? shown.article.reading_minutes : 0;
    if (!minutes) {
        $('time-left').textContent = '';
        return;
    }
    const left = minutes * (1 - fraction);
    $('time-left').textContent = fraction >= 0.99 ? 'Finished'
        : left < 1 ? 'Less than a minute left' : `${formatMinutes(left)} left`;
}

/* ---------- Settings panel ---------- */

function showSettings() {
    for (const select of document.querySelectorAll('[data-setting]'))
        select.value = currentSettings[select.dataset.setting];
    const sizes = SETTINGS.size.values;
    const step = sizes.indexOf(currentSettings.size);
    $('size-value').textContent = `${step + 1} of ${sizes.length}`;
    $('size-down').disabled = step === 0;
    $('size-up').disabled = step === sizes.length - 1;
}

function stepSize(delta) {
    const sizes = SETTINGS.size.values;
    const step = Math.min(sizes.length - 1, Math.max(0, sizes.indexOf(currentSettings.size) + delta));
    changeSetting('size', sizes[step]).then(showSettings);
    showSettings();
}

function toggleSettings(open) {
    const panel = $('settings');
    panel.hidden = !open;
    $('settings-toggle').setAttribute('aria-expanded', String(open));
    if (open) {
        showSettings();
        panel.querySelector('select').focus();
    }
}

const SIGN_ORIGINS = { origins: ['http://*/*', 'https://*/*'] };

async function offerSign() {
    $('allow-sign').hidden = await chrome.permissions.contains(SIGN_ORIGINS);
}

async function describeShortcut() {
    const key = await assignedShortcut();
    $('shortcut-hint').textContent = (key ? `Keyboard shortcut: ${key}. ` : 'No keyboard shortcut is set. ')
        + `Change it at ${SHORTCUT_PLACES}.`;
}

/* ---------- Wiring ---------- */

$('save').addEventListener('click', save);
$('save-replace').addEventListener('click', () => save(true));
$('show-anyway').addEventListener('click', showBestEffort);
$('back').addEventListener('click', backToPage);
$('source').addEventListener('click', event => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey)
        return;                             /* let "open in new tab" work */
    event.preventDefault();
    backToPage();
});
$('copy-md').addEventListener('click', () => copyArticle('markdown', 'Markdown'));
$('copy-text').addEventListener('click', () => copyArticle('text', 'plain text'));
$('print').addEventListener('click', () => window.print());
$('settings-toggle').addEventListener('click', () => toggleSettings($('settings').hidden));
for (const select of document.querySelectorAll('[data-setting]'))
    select.addEventListener('change', () => changeSetting(select.dataset.setting, select.value));
$('size-down').addEventListener('click', () => stepSize(-1));
$('size-up').addEventListener('click', () => stepSize(+1));
$('allow-sign').addEventListener('click', async () => {
    await chrome.permissions.request(SIGN_ORIGINS);
    offerSign();
});
document.addEventListener('readmode-settings', showSettings);
document.addEventListener('scroll', updateProgress, { passive: true });
window.addEventListener('resize', updateProgress);
document.addEventListener('keydown', event => {
    if (event.key !== 'Escape' || event.defaultPrevented)
        return;
    if (!$('settings').hidden) {
        toggleSettings(false);
        $('settings-toggle').focus();
        return;
    }
    backToPage();
});

offerSign();
describeShortcut();
settingsReady.then(load);
