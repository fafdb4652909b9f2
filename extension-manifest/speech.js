/*
 * speech.js — read aloud with the Web Speech API (speechSynthesis).
 *
 * The article is cut into sentences (Intl.Segmenter, in the article's
 * language), each spoken as its own utterance: that gives the highlight
 * (the sentence being read, shown with the CSS Custom Highlight API, so the
 * article's DOM is never touched), a place to resume from, and a new speed
 * taking effect at once. Pausing cancels and resuming restarts the current
 * sentence, because speechSynthesis.pause() is unreliable in Chromium for
 * long utterances.
 *
 * speechSynthesis and SpeechSynthesisUtterance are looked up when used, so
 * the browser test can put stubs in their place.
 */
'use strict';

/* Elements whose text is read as one run of sentences; code and tables
 * are not read (they make no sense spoken). */
const SPOKEN_BLOCKS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote',
                               'figcaption', 'dt', 'dd', 'div', 'section', 'summary', 'article']);
const UNSPOKEN = 'pre, code, table, .sr-only';

/* token: which utterance may move on when it ends (cancel() ends old ones too). */
const speech = { sentences: [], index: 0, playing: false, token: 0 };

function speechApi() {
    return globalThis.speechSynthesis || null;
}

/* Text nodes of `root` grouped by their nearest spoken block, in order. */
function blockRuns(root) {
    const runs = new Map();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest(UNSPOKEN) || !node.data.trim())
            continue;
        let block = parent;
        while (block !== root && !SPOKEN_BLOCKS.has(block.localName))
            block = block.parentElement;
        if (!runs.has(block))
            runs.set(block, []);
        runs.get(block).push(node);
    }
    return [...runs.values()];
}

/* A Range over characters [start, end) of a run of text nodes. */
function rangeOver(nodes, start, end) {
    const range = document.createRange();
    let offset = 0;
    for (const node of nodes) {
        const next = offset + node.data.length;
        if (start >= offset && start <= next)
            range.setStart(node, start - offset);
        if (end >= offset && end <= next) {
            range.setEnd(node, end - offset);
            break;
        }
        offset = next;
    }
    return range;
}

/* Every sentence of the title and body: {text, range}. */
function collectSentences(lang) {
    let segmenter;
    try {
        segmenter = new Intl.Segmenter(lang || undefined, { granularity: 'sentence' });
    } catch {
        /* a lang attribute that is no language tag: the browser's own rules */
        segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });
    }
    const sentences = [];
    for (const root of [document.getElementById('title'), document.getElementById('content')]) {
        for (const nodes of blockRuns(root)) {
            const text = nodes.map(node => node.data).join('');
            for (const { segment, index } of segmenter.segment(text)) {
                const trimmed = segment.trim();
                if (!trimmed)
                    continue;
                const start = index + segment.indexOf(trimmed);
                sentences.push({ text: trimmed, range: rangeOver(nodes, start, start + trimmed.length) });
            }
        }
    }
    return sentences;
}

/* The best voice for `lang`: same language and region, else same language;
 * the browser's default among equals. None: the browser picks from lang. */
function pickVoice(lang) {
    if (!lang)
        return null;
    const wanted = lang.toLowerCase().replace('_', '-');
    const primary = wanted.split('-')[0];
    const voices = speechApi().getVoices() || [];
    const tag = voice => String(voice.lang || '').toLowerCase().replace('_', '-');
    const rank = voice => (tag(voice) === wanted ? 0 : 2) + (voice.default ? 0 : 1);
    return voices.filter(voice => tag(voice) === wanted || tag(voice).split('-')[0] === primary)
        .sort((a, b) => rank(a) - rank(b))[0] || null;
}

function highlight(sentence) {
    if (!globalThis.CSS || !CSS.highlights)
        return;
    if (sentence)
        CSS.highlights.set('readmode-sentence', new Highlight(sentence.range));
    else
        CSS.highlights.delete('readmode-sentence');
}

/* Keep the sentence being read in the upper part of the window. */
function scrollToSentence(sentence) {
    const box = sentence.range.getBoundingClientRect();
    const toolbar = document.getElementById('toolbar').getBoundingClientRect().bottom;
    if (box.top < toolbar || box.bottom > window.innerHeight)
        window.scrollBy({ top: box.top - window.innerHeight / 3, behavior: 'smooth' });
}

function showSpeaking(playing) {
    const button = document.getElementById('speak');
    button.setAttribute('aria-pressed', String(playing));
    button.textContent = playing ? '❚❚ Pause' : '▶ Listen';
    button.setAttribute('aria-label', playing ? 'Pause reading aloud' : 'Read aloud');
}

function stopSpeaking(finished) {
    speech.playing = false;
    speech.token++;
    speechApi().cancel();
    showSpeaking(false);
    if (finished) {
        speech.index = 0;
        highlight(null);
    }
}

function speakCurrent() {
    const sentence = speech.sentences[speech.index];
    if (!sentence) {
        stopSpeaking(true);
        return;
    }
    const token = ++speech.token;
    const lang = shown.article.lang || document.documentElement.lang;
    const utterance = new globalThis.SpeechSynthesisUtterance(sentence.text);
    utterance.lang = lang;
    const voice = pickVoice(lang);
    if (voice)
        utterance.voice = voice;
    utterance.rate = Number(document.getElementById('speech-rate').value) || 1;
    utterance.onend = () => {
        if (!speech.playing || token !== speech.token)
            return;
        speech.index++;
        speakCurrent();
    };
    utterance.onerror = event => {
        /* cancel() during pause or a speed change ends utterances too */
        if (token === speech.token && event.error !== 'interrupted' && event.error !== 'canceled')
            stopSpeaking(false);
    };
    highlight(sentence);
    scrollToSentence(sentence);
    speechApi().speak(utterance);
}

function toggleSpeaking() {
    if (speech.playing) {
        stopSpeaking(false);
        return;
    }
    if (!speech.sentences.length)
        speech.sentences = collectSentences(shown.article.lang);
    speech.playing = true;
    showSpeaking(true);
    speechApi().cancel();
    speakCurrent();
}

/* A new speed applies from the sentence being read. */
function changeRate() {
    if (!speech.playing)
        return;
    speech.token++;
    speechApi().cancel();
    speakCurrent();
}

document.addEventListener('readmode-article', () => {
    if (speech.playing)
        stopSpeaking(true);
    speech.sentences = [];
    speech.index = 0;
    document.getElementById('speak').hidden = !speechApi() || !globalThis.Intl || !Intl.Segmenter;
    document.getElementById('speech-rate').hidden = document.getElementById('speak').hidden;
});
document.getElementById('speak').addEventListener('click', toggleSpeaking);
document.getElementById('speech-rate').addEventListener('change', changeRate);
window.addEventListener('pagehide', () => {
    if (speech.playing)
        stopSpeaking(false);
});
