/*
 * settings.js — the reader's look (theme, font, text size, width, line
 * spacing), kept in storage.sync so it follows the user to other computers.
 *
 * Loaded in <head> without defer, so it runs before the first paint: it
 * applies the last settings from a localStorage copy at once (storage.sync
 * only answers asynchronously), and the page stays hidden (reader.css,
 * html:not([data-ready])) until storage.sync has answered. So the reader
 * never flashes in the wrong theme, even on a computer that has not seen
 * the settings yet.
 *
 * Each setting is a data-* attribute on <html>; reader.css does the rest.
 */
'use strict';

/* Every setting, its choices in order, and the default. Text sizes are
 * steps rather than pixels so that the CSS owns the scale. */
const SETTINGS = {
    theme: { values: ['system', 'light', 'sepia', 'dark'], initial: 'system' },
    font: { values: ['serif', 'sans'], initial: 'serif' },
    size: { values: ['1', '2', '3', '4', '5', '6', '7', '8', '9'], initial: '4' },
    width: { values: ['narrow', 'medium', 'wide'], initial: 'medium' },
    spacing: { values: ['tight', 'normal', 'loose'], initial: 'normal' },
};
const SETTINGS_KEY = 'readerSettings';

/* A complete, valid settings object from whatever was stored. */
function validSettings(stored) {
    const settings = {};
    for (const [name, { values, initial }] of Object.entries(SETTINGS))
        settings[name] = stored && values.includes(String(stored[name])) ? String(stored[name]) : initial;
    return settings;
}

function applySettings(settings) {
    const root = document.documentElement;
    for (const name of Object.keys(SETTINGS))
        root.dataset[name] = settings[name];
}

function cachedSettings() {
    try {
        return JSON.parse(localStorage.getItem(SETTINGS_KEY));
    } catch {
        return null;
    }
}

let currentSettings = validSettings(cachedSettings());
applySettings(currentSettings);

/* Resolves once the synced settings are applied and the page may show. */
const settingsReady = chrome.storage.sync.get(SETTINGS_KEY)
    .then(stored => {
        currentSettings = validSettings(stored[SETTINGS_KEY]);
        applySettings(currentSettings);
        localStorage.setItem(SETTINGS_KEY, JSON.stringify(currentSettings));
    })
    .catch(e => console.warn('readmode: settings not read:', e.message))
    .finally(() => { document.documentElement.dataset.ready = ''; });

/* Change one setting, show it, and remember it everywhere. */
async function changeSetting(name, value) {
    currentSettings = validSettings({ ...currentSettings, [name]: value });
    applySettings(currentSettings);
    localStorage.setItem(SETTINGS_KEY, JSON.stringify(currentSettings));
    await chrome.storage.sync.set({ [SETTINGS_KEY]: currentSettings });
}

/* Another reader tab (or another computer) changed the settings. */
chrome.storage.onChanged.addListener((changes, area) => {
    if (area !== 'sync' || !changes[SETTINGS_KEY])
        return;
    currentSettings = validSettings(changes[SETTINGS_KEY].newValue);
    applySettings(currentSettings);
    localStorage.setItem(SETTINGS_KEY, JSON.stringify(currentSettings));
    document.dispatchEvent(new Event('readmode-settings'));
});
