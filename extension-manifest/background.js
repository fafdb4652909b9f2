/*
 * background.js — the extension's entry points.
 *
 * The toolbar button and the Alt+Shift+R command both open the reader page
 * next to the page the user is on. All real work (reading the page, talking
 * to the native host, rendering) happens in reader.js: an extension page has
 * the whole chrome.* API, lives as long as the user reads, and keeps this
 * script free of state, which matters because a Chrome service worker (and a
 * Firefox event page) may be stopped at any moment.
 *
 * Runs as a service worker in Chromium-family browsers and as a background
 * script in Firefox; the chrome.* namespace is Promise-based in both.
 */

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
