/*
 * saved.js — the Saved page: the articles in the readmode library, newest
 * first, with a search box; each opens in the reader view from the library
 * (reader.html?saved=PATH: the host reads the file back, nothing comes from
 * the web), and each can be deleted, with a few seconds to undo.
 *
 * Delete with undo: the row goes at once and the delete request is sent
 * only when the undo time is over (or the page is being left), so undo
 * never has to rebuild a file. Titles and sites come from saved pages and
 * are only ever set as text.
 */
'use strict';

const HOST = 'org.readmode.host';
const REPLY_TIMEOUT_MS = 60000;
const UNDO_MS = 6000;

const $ = id => document.getElementById(id);

let nextId = 1;

/* One request on a port of its own; big replies come in {chunk, chunks,
 * data} frames, joined here (the host splits anything over 1 MiB). */
function hostRequest(request) {
    return new Promise((resolve, reject) => {
        const id = nextId++;
        const chunks = [];
        let port;
        const timer = setTimeout(() => finish(new Error('the readmode program did not answer')),
                                 REPLY_TIMEOUT_MS);
        function finish(error, reply) {
            clearTimeout(timer);
            if (port)
                port.disconnect();
            port = null;
            if (error)
                reject(error);
            else
                resolve(reply);
        }
        try {
            port = chrome.runtime.connectNative(HOST);
        } catch (e) {
            finish(e);
            return;
        }
        port.onMessage.addListener(frame => {
            if (!frame || frame.id !== id)
                return;
            if (!Number.isInteger(frame.chunk)) {
                finish(null, frame);
                return;
            }
            chunks.push(frame.data);
            if (chunks.length === frame.chunks) {
                try {
                    finish(null, JSON.parse(chunks.join('')));
                } catch (e) {
                    finish(e);
                }
            }
        });
        port.onDisconnect.addListener(closed => {
            const why = chrome.runtime.lastError || closed.error;
            port = null;
            finish(new Error(why ? why.message : 'the readmode program stopped'));
        });
        port.postMessage({ ...request, id });
    });
}

/* ---------- The list ---------- */

let articles = [];              /* as the host listed them, newest first */
const pendingDeletes = new Map();   /* path -> {entry, timer} */

function setStatus(state, text) {
    $('status').dataset.state = state;
    $('status').textContent = text;
}

function hostnameOf(url) {
    try {
        return new URL(url).hostname;
    } catch {
        return '';
    }
}

function formatDate(iso) {
    const date = new Date(iso);
    return isNaN(date) ? iso : date.toLocaleDateString(undefined, { dateStyle: 'medium' });
}

/* Every word of the search in the title or the site, any case. */
function matches(entry, words) {
    const haystack = `${entry.title} ${entry.site || ''} ${hostnameOf(entry.url)}`.toLocaleLowerCase();
    return words.every(word => haystack.includes(word));
}

function row(entry) {
    const li = document.createElement('li');
    li.dataset.path = entry.path;
    const box = document.createElement('div');
    box.className = 'entry';
    const link = document.createElement('a');
    link.className = 'open';
    link.href = 'reader.html?saved=' + encodeURIComponent(entry.path);
    link.textContent = entry.title;
    const details = document.createElement('p');
    details.className = 'details';
    const format = document.createElement('span');
    format.className = 'format';
    format.textContent = entry.format;
    details.append(`${entry.site || hostnameOf(entry.url) || 'unknown site'} · `
                   + `${formatDate(entry.saved_at)} · `, format);
    box.append(link, details);
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'delete';
    remove.textContent = 'Delete';
    remove.setAttribute('aria-label', 'Delete ' + entry.title);
    remove.addEventListener('click', () => deleteLater(entry));
    li.append(box, remove);
    return li;
}

function render() {
    const words = $('search').value.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    const shown = articles.filter(e => !pendingDeletes.has(e.path) && matches(e, words));
    $('articles').replaceChildren(...shown.map(row));
    const total = articles.length - pendingDeletes.size;
    if (total === 0)
        setStatus('empty', 'Nothing saved yet. Use Save in the reader view to keep an article.');
    else if (shown.length === 0)
        setStatus('done', 'No saved article matches the search.');
    else
        setStatus('done', words.length ? `${shown.length} of ${total} articles` : `${total} articles`);
}

async function load() {
    try {
        const reply = await hostRequest({ type: 'list' });
        if (!reply.ok) {
            setStatus('error', 'Cannot read the library: ' + (reply.error ? reply.error.message : ''));
            return;
        }
        articles = reply.articles;
        render();
    } catch (e) {
        setStatus('error', 'Cannot reach the readmode program: ' + e.message
                  + ' (run ./install.sh from the readmode folder)');
    }
}

/* ---------- Delete, with undo ---------- */

async function commitDelete(path) {
    const pending = pendingDeletes.get(path);
    if (!pending)
        return;
    clearTimeout(pending.timer);
    try {
        const reply = await hostRequest({ type: 'delete', path });
        if (!reply.ok && reply.error && reply.error.code !== 'not_found')
            throw new Error(reply.error.message);
        articles = articles.filter(e => e.path !== path);
    } catch (e) {
        setStatus('error', 'Could not delete: ' + e.message);
    } finally {
        pendingDeletes.delete(path);
        if (pendingDeletes.size === 0)
            $('undo-bar').hidden = true;
        render();
    }
}

function deleteLater(entry) {
    /* one undo at a time: an earlier delete is final once another starts */
    for (const path of pendingDeletes.keys())
        commitDelete(path);
    const timer = setTimeout(() => commitDelete(entry.path), UNDO_MS);
    pendingDeletes.set(entry.path, { entry, timer });
    $('undo-text').textContent = `Deleted “${entry.title}”.`;
    $('undo-bar').hidden = false;
    $('undo').dataset.path = entry.path;
    render();
    $('undo').focus();
}

function undo() {
    const path = $('undo').dataset.path;
    const pending = pendingDeletes.get(path);
    if (!pending)
        return;
    clearTimeout(pending.timer);
    pendingDeletes.delete(path);
    $('undo-bar').hidden = true;
    render();
}

$('undo').addEventListener('click', undo);
$('search').addEventListener('input', render);
/* Leaving the page ends the undo time: the deletes happen now. */
window.addEventListener('pagehide', () => {
    for (const path of pendingDeletes.keys())
        commitDelete(path);
});
load();
