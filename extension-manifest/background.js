/*
 * background.js — the extension's entry points.
 *
 * The toolbar button and the open-reader command (Alt+R unless the user
 * changed it) open the reader page next to the page the user is on. All
 * real work (reading the page, talking to the native host, rendering)
 * happens in reader.js: an extension page has the whole chrome.* API, lives
 * as long as the user reads, and keeps this script free of state, which
 * matters because a Chrome service worker (and a Firefox event page) may be
 * stopped at any moment.
 *
 * The one other job here is the readable sign on the toolbar button: when
 * the user has allowed readmode to read pages (an optional host permission,
 * asked for from the reader's settings), the tab the user is looking at is
 * probed once it has loaded, and the badge says whether it looks like an
 * article. Only the active tab is probed, and only once per address: never
 * every page load in the background.
 *
 * Runs as a service worker in Chromium-family browsers and as a background
 * script in Firefox; the chrome.* namespace is Promise-based in both.
 */
'use strict';

const HOST = 'org.readmode.host';

/* Open reader.html for `tab`, right after it in the tab strip. The click or
 * key press that led here is what grants activeTab access to `tab`, which
 * reader.js then uses to read the page. Exposed on globalThis so tests can
 * call it: browsers offer no way to press the toolbar button from a test. */
async function openReader(tab) {
    const url = chrome.runtime.getURL('reader.html?tab=' + tab.id);
    return chrome.tabs.create({ url, index: tab.index + 1, openerTabId: tab.id });
}
globalThis.openReader = openReader;

chrome.action.onClicked.addListener(openReader);

/* Older Firefox releases call onCommand without the tab: fall back to the
 * active tab of the focused window, which is the one the key press was for. */
chrome.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'open-reader')
        return;
    if (!tab)
        [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
    if (tab)
        openReader(tab);
});

/* The button's tooltip names the shortcut the browser really assigned (the
 * suggested one can be taken by another extension, and users change it), or
 * says where to set one. */
async function shortcutTitle() {
    const commands = await chrome.commands.getAll();
    const command = commands.find(c => c.name === 'open-reader');
    return command && command.shortcut
        ? `Open in reader mode (${command.shortcut})` : 'Open in reader mode';
}

/* ---------- The readable sign ---------- */

/* Tab id -> {url, done}: the URL last probed in it and the promise of that
 * probe, so switching back and forth between tabs does not ask the host
 * again. Lost when the worker stops; then the next activation probes once
 * more, which is harmless. */
const probed = new Map();

const BADGE = { readable: '✓', color: '#2a7a3a' };

async function setSign(tabId, readable) {
    const base = await shortcutTitle();
    await chrome.action.setBadgeText({ tabId, text: readable ? BADGE.readable : '' });
    await chrome.action.setTitle({ tabId,
        title: readable ? `${base}: this page looks like an article` : base });
}

/* Ask the host whether the page in `tab` looks like an article. Nothing
 * happens without the host permission for the page: the user has not
 * asked for the sign. */
function probeTab(tab) {
    if (!tab || !/^https?:/.test(tab.url || ''))
        return Promise.resolve();
    const last = probed.get(tab.id);
    if (last && last.url === tab.url)
        return last.done;
    const done = probeNow(tab);
    probed.set(tab.id, { url: tab.url, done });
    return done;
}
globalThis.probeTab = probeTab;

async function probeNow(tab) {
    if (!await chrome.permissions.contains({ origins: [new URL(tab.url).origin + '/*'] }))
        return;
    try {
        const [result] = await chrome.scripting.executeScript({
            target: { tabId: tab.id },
            func: () => ({ url: location.href, html: document.documentElement.outerHTML }),
        });
        const reply = await chrome.runtime.sendNativeMessage(HOST,
            { type: 'probe', html: result.result.html, url: result.result.url });
        await setSign(tab.id, reply && reply.ok && reply.readerable === true);
    } catch (e) {
        /* No host, a closed tab or a page the browser protects: no sign. */
        probed.delete(tab.id);
        console.warn('readmode: probe failed:', e.message);
    }
}

chrome.tabs.onActivated.addListener(({ tabId }) =>
    chrome.tabs.get(tabId).then(probeTab, () => { /* closed meanwhile */ }));
chrome.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'complete' && tab.active)
        probeTab(tab);
});
chrome.tabs.onRemoved.addListener(tabId => probed.delete(tabId));

async function setDefaultTitle() {
    await chrome.action.setTitle({ title: await shortcutTitle() });
}
chrome.runtime.onInstalled.addListener(setDefaultTitle);
chrome.runtime.onStartup.addListener(setDefaultTitle);
chrome.action.setBadgeBackgroundColor({ color: BADGE.color });
