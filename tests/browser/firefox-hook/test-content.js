/*
 * test-content.js — added to the extension only by the Firefox test.
 * WebDriver BiDi cannot open or read moz-extension:// pages, so the test
 * asks from an ordinary page: a window message becomes a runtime message
 * to test-hook.js, and the answer is written onto this page's <html>.
 */
'use strict';

window.addEventListener('message', async event => {
    if (event.source !== window || !event.data || event.data.readmodeTest !== 'open')
        return;
    const answer = await chrome.runtime.sendMessage({ readmodeTest: 'open', settings: event.data.settings })
        .catch(e => ({ error: e.message }));
    document.documentElement.dataset.readmodeResult = JSON.stringify(answer);
});
