/*
 * reader.js — the reader page: reads the source tab, asks the native host
 * (the `readmode` program) for the article, and shows it.
 *
 * Flow: reader.html?tab=ID → scripting.executeScript reads that tab's HTML
 * and URL → an "extract" request over a native port → render the metadata,
 * the summary of removed clutter, and the article body → "save" on demand.
 *
 * The host answers over runtime.connectNative rather than sendNativeMessage
 * because browsers drop any single host message over 1 MiB: the host splits
 * big replies into {id, chunk, chunks, data} frames, joined here.
 *
 * The article HTML comes from arbitrary web pages. The host already emits
 * only allowlisted markup, and this page's CSP forbids scripts, but the page
 * runs with the extension's privileges, so the markup is sanitized again
 * here (defence in depth): parsed inertly with DOMParser, rebuilt from an
 * allowlist of elements and attributes, never assigned through innerHTML.
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

/* An Error whose `kind` selects the message shown to the user. */
function failure(kind, detail) {
    const error = new Error(detail || kind);
    error.kind = kind;
    return error;
}

/* Browser error strings (Chromium and Firefox) for a host that cannot be
 * started or talked to, mapped to the failure kinds explained in
 * showFailure. Source: the browsers' native messaging implementations, as
 * recorded in the project's notes. */
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

        timer = setTimeout(() => settle(failure('host-timeout')), REPLY_TIMEOUT_MS);
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

/* ---------- Sanitizing the article HTML ---------- */

/* Elements kept as they are: the vocabulary of an article body. */
const ALLOWED_ELEMENTS = new Set([
    'a', 'abbr', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'cite',
    'code', 'col', 'colgroup', 'dd', 'del', 'details', 'dfn', 'div', 'dl',
    'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
    'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 'rp',
    'rt', 'ruby', 's', 'samp', 'section', 'small', 'span', 'strong', 'sub',
    'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time',
    'tr', 'u', 'ul', 'var', 'wbr',
]);

/* Elements dropped with everything inside: active content, forms, embedded
 * documents and media, and document-level elements. Any element in neither
 * set (font, center, picture, custom elements…) is unwrapped: its content
 * stays, the element goes. */
const DROPPED_ELEMENTS = new Set([
    'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset',
    'object', 'embed', 'applet', 'form', 'input', 'button', 'select',
    'textarea', 'option', 'svg', 'math', 'canvas', 'video', 'audio',
    'source', 'track', 'link', 'meta', 'base', 'head', 'title', 'dialog',
]);

/* Attributes kept, per element ('*' applies to all). Everything else goes:
 * on* handlers, style, class, id, srcset, data-*. */
const ALLOWED_ATTRIBUTES = {
    '*': ['lang', 'dir', 'title'],
    a: ['href'],
    img: ['src', 'alt', 'width', 'height'],
    ol: ['start', 'reversed'],
    li: ['value'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan', 'scope'],
    col: ['span'],
    colgroup: ['span'],
    time: ['datetime'],
};

/* URL attributes and the schemes they may use: no javascript:, no data:,
 * no extension-internal URLs. Relative URLs resolve against the page. */
const URL_SCHEMES = {
    href: ['http:', 'https:', 'mailto:'],
    src: ['http:', 'https:'],
};

function safeUrl(value, attribute, base) {
    try {
        const url = new URL(value, base);
        return URL_SCHEMES[attribute].includes(url.protocol) ? url.href : null;
    } catch {
        return null;
    }
}

function copyAttributes(from, to, base) {
    const allowed = ALLOWED_ATTRIBUTES['*'].concat(ALLOWED_ATTRIBUTES[to.localName] || []);
    for (const { name, value } of from.attributes) {
        if (!allowed.includes(name))
            continue;
        const clean = name in URL_SCHEMES ? safeUrl(value, name, base) : value;
        if (clean !== null)
            to.setAttribute(name, clean);
    }
}

/* Tracking pixels: images declared 1×1 or smaller. */
function isTrackingPixel(img) {
    const tiny = name => img.hasAttribute(name) && Number(img.getAttribute(name)) <= 1;
    return tiny('width') || tiny('height');
}

/* Rebuild `html` as a fragment from allowlisted parts.
 * Walks in document order with a TreeWalker (no recursion, so any nesting
 * depth is fine); `parents` maps each source element to the node its
 * children go into: its copy, or the nearest kept ancestor if unwrapped.
 * The copies are made in the parser's inert document, where nothing loads:
 * an image is fetched only once the fragment joins the page, with its final
 * attributes (a dropped tracking pixel is never requested). */
function sanitize(html, base) {
    const inert = new DOMParser().parseFromString(html, 'text/html');
    const source = inert.body;
    const fragment = inert.createDocumentFragment();
    const parents = new Map([[source, fragment]]);
    const walker = inert.createTreeWalker(source, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
        acceptNode: node => DROPPED_ELEMENTS.has(node.localName)
            ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = parents.get(node.parentNode);
        if (node.nodeType === Node.TEXT_NODE) {
            parent.append(node.data);
            continue;
        }
        if (!ALLOWED_ELEMENTS.has(node.localName)) {
            parents.set(node, parent);
            continue;
        }
        const copy = inert.createElement(node.localName);
        copyAttributes(node, copy, base);
        if (copy.localName === 'a')
            copy.rel = 'noreferrer';
        if (copy.localName === 'img') {
            if (!copy.hasAttribute('src') || isTrackingPixel(copy))
                continue;
            copy.referrerPolicy = 'no-referrer';
            copy.loading = 'lazy';
        }
        parent.append(copy);
        parents.set(node, copy);
    }
    return fragment;
}

/* The plain-text rendering as paragraphs, for replies without HTML. */
function textToParagraphs(text) {
    const fragment = document.createDocumentFragment();
    for (const block of text.split(/\n{2,}/)) {
        const p = document.createElement('p');
        p.textContent = block;
        fragment.append(p);
    }
    return fragment;
}

/* ---------- Rendering ---------- */

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

const $ = id => document.getElementById(id);

function setStatus(state, text) {
    const status = $('status');
    status.dataset.state = state;
    status.textContent = text;
}

/* How each kind of removed clutter is named: [one, many]. Kinds are the
 * library's rm_removed_kind names (unknown kinds are shown by name); the
 * counts are removed blocks, e.g. a whole comment thread counts once. */
const REMOVED_LABELS = {
    comments: ['comment section', 'comment sections'],
    adblock: ['ad-block nag', 'ad-block nags'],
    related: ['related-links block', 'related-links blocks'],
    share: ['share bar', 'share bars'],
    consent: ['cookie banner', 'cookie banners'],
    prompt: ['newsletter or paywall prompt', 'newsletter or paywall prompts'],
    navigation: ['navigation block', 'navigation blocks'],
    footer: ['footer', 'footers'],
    ads: ['ad slot', 'ad slots'],
};

/* "Removed: 1 comment section, 1 ad-block nag" — largest counts first. */
function removedSummary(removed) {
    const parts = Object.entries(removed || {})
        .filter(([, count]) => Number.isInteger(count) && count > 0)
        .sort((a, b) => b[1] - a[1])
        .map(([kind, count]) => {
            const [one, many] = REMOVED_LABELS[kind] || [kind, kind];
            return `${count} ${count === 1 ? one : many}`;
        });
    return parts.length ? 'Removed: ' + parts.join(', ') : '';
}

function formatDate(iso) {
    const date = new Date(iso);
    return isNaN(date) ? iso : date.toLocaleDateString(undefined, { dateStyle: 'medium' });
}

/* "By Jane Doe · 12 Nov 2025 · 6 min read · 1,204 words" */
function metaLine(article) {
    const parts = [];
    if (article.byline)
        parts.push(article.byline);
    if (article.published)
        parts.push(formatDate(article.published));
    if (article.reading_minutes)
        parts.push(`${article.reading_minutes} min read`);
    if (article.word_count)
        parts.push(`${article.word_count.toLocaleString()} words`);
    return parts.join(' · ');
}

function hostnameOf(url) {
    try {
        return new URL(url).hostname;
    } catch {
        return '';
    }
}

/* The article on show, for the save request's images (offline.js). */
let shownArticle = null;

function renderArticle(article, page) {
    shownArticle = article;
    const base = article.url || page.url;
    document.title = article.title || 'Reader mode';
    const root = $('article');
    if (article.lang)
        root.lang = article.lang;
    if (article.dir)
        root.dir = article.dir;
    $('site').textContent = article.site_name || hostnameOf(base);
    $('title').textContent = article.title || '';
    $('meta').textContent = metaLine(article);
    $('removed').textContent = removedSummary(article.removed);
    const body = typeof article.html === 'string'
        ? sanitize(article.html, base) : textToParagraphs(article.text || '');
    dropRepeatedTitle(body, article.title);
    $('content').replaceChildren(body);
    const source = safeUrl(page.url, 'href', undefined);
    if (source)
        $('source').href = source;
    root.hidden = false;
}

/* What the user is told for each failure kind: a title and what to do. */
const FAILURE_TEXT = {
    'bad-tab': ['No page to read',
        'Open reader mode from the page you want to read (toolbar button or Alt+Shift+R).'],
    'tab-unreadable': ['This page cannot be read',
        'Browsers keep extensions out of their own pages, extension stores and built-in viewers. '
        + 'If this is a normal web page, reload it and open reader mode again.'],
    'host-missing': ['The readmode program is not installed',
        'This extension needs the readmode program on this computer. Run ./install.sh from the '
        + 'readmode source folder, then reload this page.'],
    'host-forbidden': ['The readmode program does not accept this extension',
        'readmode is registered for a different extension id. Run ./install.sh again to '
        + 'register this copy of the extension.'],
    'host-crashed': ['The readmode program stopped unexpectedly',
        'Check that the installed readmode runs (readmode --version in a terminal); '
        + 'reinstall with ./install.sh if it does not.'],
    'host-garbled': ['The readmode program sent an unreadable reply',
        'The installed readmode may be an older version: reinstall with ./install.sh.'],
    'host-timeout': ['The readmode program did not answer',
        'It took longer than a minute. Try again; if this persists, the page may be too complex.'],
    'too-large': ['This page is too large',
        'It exceeds the size readmode accepts from the browser.'],
    no_article: ['No article found on this page',
        'readmode did not find a main text here; the page may be an index, a form or an app.'],
};

function showFailure(kind, detail) {
    const [title, advice] = FAILURE_TEXT[kind] || ['Reader mode failed', ''];
    setStatus('error', title);
    $('error-title').textContent = title;
    $('error-detail').textContent = [advice, detail].filter(Boolean).join(' — ');
    $('error').hidden = false;
}

/* ---------- Page logic ---------- */

/* The page as read from the tab, kept for the save request. */
let page = null;

/* Host error codes that share a message with a browser-side failure. */
const HOST_ERROR_KINDS = { too_large: 'too-large' };

async function load() {
    const params = new URLSearchParams(location.search);
    if (params.has('saved'))
        return loadSaved(params.get('saved'));   /* offline.js */
    const tabId = Number(params.get('tab'));
    if (!Number.isInteger(tabId)) {
        showFailure('bad-tab');
        return;
    }
    try {
        page = await readTab(tabId);
        setStatus('extracting', 'Cleaning up the page…');
        const reply = await nativeRequest({ type: 'extract', html: page.html, url: page.url,
                                            formats: ['html', 'text'] });
        if (reply.ok) {
            renderArticle(reply.article, page);
            const hint = reply.article.readerable ? '' : ' (this page may not be an article)';
            setStatus('done', 'Reader mode' + hint);
            $('save-controls').hidden = false;
            return;
        }
        const code = reply.error ? reply.error.code : '';
        showFailure(HOST_ERROR_KINDS[code] || code, reply.error ? reply.error.message : '');
        /* With no_article the host still sends the best text it found. */
        if (reply.article && (reply.article.html || reply.article.text))
            renderArticle(reply.article, page);
    } catch (e) {
        showFailure(e.kind, e.message);
    }
}

async function save(force) {
    const button = $('save');
    button.disabled = true;
    $('save-replace').hidden = true;
    setStatus('saving', 'Saving…');
    try {
        /* offline.js: with the article's images, asked for within this click */
        const request = saveRequest(page, $('save-format').value, force === true);
        const reply = await nativeRequest(await request);
        setStatus(...describeSave(reply));
    } catch (e) {
        showFailure(e.kind, e.message);
    } finally {
        button.disabled = false;
    }
}

$('save').addEventListener('click', () => save(false));
$('save-replace').addEventListener('click', () => save(true));
/* After every deferred script (offline.js too) has run. */
document.addEventListener('DOMContentLoaded', load);
