/*
 * test-hook.js — added to the extension's background only by the Firefox
 * test. On request from test-content.js it reads the assigned shortcuts,
 * stores the reader settings it was given, opens the reader for the sending tab exactly as the toolbar button does
 * (openReader from background.js), waits for the reader page to finish and
 * reports what it shows, read through extension.getViews, then closes it.
 */
'use strict';

function readerView(tabId) {
    return chrome.extension.getViews({ type: 'tab', tabId })
        .find(view => view.location.pathname.endsWith('/reader.html'));
}

async function finishedReader(tabId, timeoutMs) {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
        const view = readerView(tabId);
        const status = view && view.document.getElementById('status');
        if (status && !['loading', 'extracting'].includes(status.dataset.state))
            return view;
        await new Promise(resolve => setTimeout(resolve, 100));
    }
    return null;
}

chrome.runtime.onMessage.addListener((message, sender) => {
    if (!message || message.readmodeTest !== 'open')
        return undefined;
    return (async () => {
        const commands = await chrome.commands.getAll();
        if (message.settings)
            await chrome.storage.sync.set({ readerSettings: message.settings });
        const tab = await globalThis.openReader(sender.tab);
        const view = await finishedReader(tab.id, 20000);
        if (!view)
            return { commands, error: 'the reader page did not finish' };
        const text = id => view.document.getElementById(id).textContent;
        setTimeout(() => chrome.tabs.remove(tab.id), 0);
        return {
            commands, state: view.document.getElementById('status').dataset.state,
            title: text('title'), meta: text('meta'), removed: text('removed'),
            content: text('content'), error: view.document.getElementById('error').hidden ? '' : text('error'),
            background: view.getComputedStyle(view.document.body).backgroundColor,
            fontSize: view.getComputedStyle(view.document.querySelector('main')).fontSize,
            direction: Object.fromEntries(['content', 'meta', 'removed'].map(id =>
                [id, view.getComputedStyle(view.document.getElementById(id)).direction])),
        };
    })();
});
