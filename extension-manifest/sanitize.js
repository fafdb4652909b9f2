/*
 * sanitize.js — rebuilds article HTML from an allowlist before it is shown.
 *
 * The article HTML comes from arbitrary web pages. The host already emits
 * only allowlisted markup, and the reader page's CSP forbids scripts, but
 * the page runs with the extension's privileges, so the markup is sanitized
 * again here (defence in depth): parsed inertly with DOMParser, rebuilt
 * from an allowlist of elements and attributes, never assigned through
 * innerHTML.
 */
'use strict';


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
    separateCaptionParts(fragment);
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

/* Captions are often built from separate parts (the caption, then the
 * photo credit) that the site's CSS set on lines of their own; without
 * that CSS they run together ("…in 1944.Credit: Jane Doe"). Put a space
 * between caption parts that touch. */
function separateCaptionParts(root) {
    for (const caption of root.querySelectorAll('figcaption')) {
        for (const part of [...caption.children]) {
            const before = part.previousSibling;
            if (before && before.nodeType === Node.ELEMENT_NODE)
                part.before(' ');
        }
    }
}
