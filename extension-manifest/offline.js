/*
 * offline.js — the reader page's side of the offline library. Loaded just
 * before reader.js, whose helpers (nativeRequest, renderArticle, setStatus,
 * showFailure, $, shown) its functions use once the page runs: nothing here
 * runs before the document is parsed.
 *
 * - Saving: the article's images are fetched here and sent with the save
 *   request, so a saved page holds them and opens with the network off.
 *   Fetching another site's images needs its host permission, asked for at
 *   the first save that needs it (never at install), inside the click that
 *   started the save, as browsers require.
 * - The save format chosen last is remembered (storage.local).
 * - reader.html?saved=PATH shows a saved article: the host reads it back
 *   from the library ("get"); nothing is fetched from the web.
 */
'use strict';

/* Caps on what a save sends, the same as the host's (README, "Saving"):
 * bigger images, or those past the total, stay links in the saved file. */
const IMAGE_MAX_BYTES = 5 * 1024 * 1024;
const IMAGES_MAX_BYTES = 25 * 1024 * 1024;
const IMAGE_TIMEOUT_MS = 20000;
const FORMAT_KEY = 'saveFormat';

/* The image URLs of the shown article, exactly as the host wrote them:
 * the host matches the images it is sent by these strings. */
function articleImageUrls(article) {
    if (!article || typeof article.html !== 'string')
        return [];
    const doc = new DOMParser().parseFromString(article.html, 'text/html');
    const urls = [...doc.images].map(img => img.getAttribute('src'))
        .filter(src => /^https?:/i.test(src || ''));
    return [...new Set(urls)];
}

function originPattern(url) {
    try {
        return new URL(url).origin + '/*';
    } catch {
        return null;
    }
}

/* Ask for the image hosts; must run synchronously inside the click. */
function requestImageAccess(urls) {
    const origins = [...new Set(urls.map(originPattern).filter(Boolean))];
    if (!origins.length)
        return Promise.resolve(false);
    return chrome.permissions.request({ origins }).catch(() => false);
}

function blobToBase64(blob) {
    return new Promise((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
        reader.onerror = () => reject(reader.error);
        reader.readAsDataURL(blob);
    });
}

async function fetchImage(url) {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), IMAGE_TIMEOUT_MS);
    try {
        const response = await fetch(url, { signal: abort.signal, referrerPolicy: 'no-referrer',
                                            credentials: 'omit' });
        if (!response.ok)
            return null;
        const blob = await response.blob();
        return blob.size <= IMAGE_MAX_BYTES ? blob : null;
    } catch {
        return null;
    } finally {
        clearTimeout(timer);
    }
}

/* [{url, type, data}] for the images that could be had, within the caps. */
async function fetchImages(urls) {
    const blobs = await Promise.all(urls.map(fetchImage));
    const images = [];
    let total = 0;
    for (let i = 0; i < urls.length; i++) {
        const blob = blobs[i];
        if (!blob || total + blob.size > IMAGES_MAX_BYTES)
            continue;
        total += blob.size;
        images.push({ url: urls[i], type: blob.type, data: await blobToBase64(blob) });
    }
    return images;
}

/* The save request for the page; call it synchronously from the click
 * (it asks for the image hosts before its first await). */
async function saveRequest(page, format, force) {
    const urls = articleImageUrls(shown && shown.article);
    const access = requestImageAccess(urls);
    const request = { type: 'save', html: page.html, url: page.url, format };
    if (force)
        request.force = true;
    /* Without access the images are still sent as none: the file then
     * loads nothing remote and keeps each image as a link. */
    request.images = (await access) ? await fetchImages(urls) : [];
    return request;
}

/* [state, text] for the status line after a save reply. */
function describeSave(reply) {
    const missing = reply.ok && reply.images ? reply.images.missing : 0;
    $('save-note').textContent = missing
        ? `${missing} image${missing === 1 ? '' : 's'} could not be fetched: kept as a link` : '';
    if (reply.ok)
        return ['saved', `Saved to ${reply.path}`];
    const error = reply.error || {};
    if (error.code === 'exists') {
        $('save-replace').hidden = false;
        return ['saved', `Already saved as ${reply.path}`];
    }
    return ['error', 'Could not save: ' + (error.message || 'unknown error')];
}

/* ---------- The remembered format ---------- */

async function restoreFormat() {
    const select = $('save-format');
    try {
        const stored = await chrome.storage.local.get(FORMAT_KEY);
        const format = stored[FORMAT_KEY];
        if ([...select.options].some(o => o.value === format))
            select.value = format;
    } catch {
        /* no storage: the first option stays */
    }
    select.addEventListener('change', () => chrome.storage.local.set({ [FORMAT_KEY]: select.value }));
}

/* ---------- A saved article, read back ---------- */

async function loadSaved(path) {
    FAILURE_TEXT['saved-missing'] = ['This saved article is gone',
        'It may have been deleted or moved out of the library: the Saved page shows what is there.'];
    setStatus('extracting', 'Opening the saved article…');
    try {
        const reply = await nativeRequest({ type: 'get', path });
        if (!reply.ok) {
            await showFailure('saved-missing', reply.error ? reply.error.message : '');
            return;
        }
        /* The library's images are inside the article as data: URIs (the
         * host wrote them through its allow-list); this page fetches
         * nothing else. */
        URL_SCHEMES.src.push('data:');
        renderArticle(reply.article, { url: reply.saved.url || '' });
        $('save-controls').hidden = true;   /* it is saved already */
        setStatus('done', `Saved ${formatDate(reply.saved.saved_at)} · offline copy`);
    } catch (e) {
        await showFailure(e.kind, e.message);
    }
}

document.addEventListener('DOMContentLoaded', restoreFormat);
