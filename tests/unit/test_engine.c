/*
 * test_engine.c — the passes one by one on small documents: clutter
 * classification, scoring and candidate choice, sibling merging, and the
 * cleaning rules inside the article.
 */
#define _DEFAULT_SOURCE   /* MAP_ANONYMOUS */
#include "testutil.h"

#include <ctype.h>

#include "engine.h"
#include "prescan.h"
#include "readmode.h"

#include <sys/mman.h>
#include <unistd.h>

#define LONG_P(words)                                                                  \
    "<p>" words ", which the council discussed at length on Tuesday evening, "          \
    "before the vote, and again, at the request of residents, after it.</p>"

typedef struct {
    prescan_output pre;   /* the markup Gumbo parses, the style sheets */
    GumboOutput *out;
    rm_engine e;
    int32_t roots[16];
    size_t root_count;
} fixture;

static void load(fixture *f, const char *html)
{
    memset(f, 0, sizeof *f);
    /* as rm_extract does: the pre-scan first, style sheets to the engine */
    const prescan_limits limits = {512, RM_MAX_ATTRIBUTES, RM_MAX_ATTRIBUTE_BYTES, true, false, false};
    ck_assert_int_eq(prescan(html, strlen(html), &limits, &f->pre), 0);
    ck_assert_int_eq(engine_read_style_sheets(&f->e, html, f->pre.styles, f->pre.style_count), 0);
    f->out = gumbo_parse(f->pre.html ? f->pre.html : html);
    ck_assert_int_eq(dom_build(&f->e.dom, f->out, &f->pre), 0);
    f->e.byline_node = RM_NONE;
    f->e.cards = RM_NONE;   /* as rm_extract sets it: no card grid found */
    ck_assert_int_eq(engine_prepare(&f->e), 0);
    clutter_classify(&f->e);
}

static void choose(fixture *f, unsigned attempt)
{
    f->root_count = score_select(&f->e, attempt, f->roots, 16);
    clean_article(&f->e, attempt, f->roots, f->root_count);
}

static void unload(fixture *f)
{
    engine_free(&f->e);
    gumbo_destroy_output(&kGumboDefaultOptions, f->out);
    prescan_free(&f->pre);
}

/* Element with the given id attribute. */
static int32_t by_id(const fixture *f, const char *id)
{
    for (int32_t i = 0; i < f->e.dom.count; i++) {
        const char *v = dom_attr(&f->e.dom, i, "id");
        if (v && strcmp(v, id) == 0)
            return i;
    }
    ck_abort_msg("no element #%s", id);
    return RM_NONE;
}

/* The last element that has attribute `name` (ids repeat in some tests). */
static int32_t last_with_attr(const fixture *f, const char *name)
{
    int32_t last = RM_NONE;
    for (int32_t i = 0; i < f->e.dom.count; i++)
        if (dom_attr(&f->e.dom, i, name))
            last = i;
    ck_assert_int_ne(last, RM_NONE);
    return last;
}

static bool is_root(const fixture *f, int32_t id)
{
    for (size_t k = 0; k < f->root_count; k++)
        if (f->roots[k] == id)
            return true;
    return false;
}

static bool kept(const fixture *f, const char *id)
{
    int32_t n = by_id(f, id);
    for (int32_t a = n; a != RM_NONE; a = f->e.dom.nodes[a].parent)
        if (f->e.drop[a] != DROP_KEEP)
            return false;
    return true;
}

START_TEST(paragraph_points_choose_the_container)
{
    fixture f;
    load(&f, "<body><div id=nav><a href=/>Home</a> <a href=/a>About</a></div>"
             "<div id=story>" LONG_P("The bridge will close") LONG_P("Buses will divert")
             LONG_P("Shops expect fewer visitors") "</div><div id=side><p>Short note.</p></div></body>");
    choose(&f, ATTEMPT_ALL);
    ck_assert_uint_eq(f.root_count, 1);
    ck_assert(is_root(&f, by_id(&f, "story")));
    unload(&f);
}
END_TEST

START_TEST(divs_without_blocks_score_as_paragraphs)
{
    fixture f;
    load(&f, "<body><section id=text><div>The bridge will close for repairs in March, the council "
             "said, and buses, bikes and pedestrians will be diverted.</div><div>Shops near the "
             "bridge expect fewer visitors, owners said, and some may close for a month.</div>"
             "<div>The works are expected to last six weeks, weather permitting, and cost four "
             "million.</div></section></body>");
    choose(&f, ATTEMPT_ALL);
    ck_assert(is_root(&f, by_id(&f, "text")));
    unload(&f);
}
END_TEST

START_TEST(siblings_of_the_same_article_are_merged)
{
    fixture f;
    load(&f, "<body><div id=wrap><div id=one class=part>" LONG_P("The bridge will close")
             LONG_P("Buses will divert") "</div><div id=ad><a href=/x>Buy now</a></div>"
             "<div id=two class=part>" LONG_P("Shops expect fewer visitors") "</div></div></body>");
    choose(&f, ATTEMPT_ALL);
    ck_assert(kept(&f, "one"));
    ck_assert(kept(&f, "two"));
    ck_assert(!kept(&f, "ad") || !is_root(&f, by_id(&f, "ad")));
    unload(&f);
}
END_TEST

START_TEST(unlikely_blocks_are_stripped_unless_they_hold_the_article)
{
    fixture f;
    load(&f, "<body><div id=grid class=sidebar-grid><h1>Bridge to close</h1><div id=story>"
             LONG_P("The bridge will close") LONG_P("Buses will divert") "</div></div>"
             "<div id=side class=sidebar>" LONG_P("Other news") LONG_P("More news") LONG_P("Even more")
             "</div></body>");
    choose(&f, ATTEMPT_ALL);
    ck_assert(kept(&f, "story"));
    ck_assert(!kept(&f, "side"));
    unload(&f);
}
END_TEST

START_TEST(conditional_cleaning_rules)
{
    fixture f;
    load(&f, "<body><div id=story>" LONG_P("The bridge will close") LONG_P("Buses will divert")
             "<div id=links><a href=/1>One link here</a> <a href=/2>Two link here</a> x</div>"
             "<table id=data><tr><th>Day</th><th>Route</th></tr><tr><td>Mon</td><td>A</td></tr></table>"
             "<ul id=gallery><li><img src=a.jpg></li><li><img src=b.jpg></li></ul>"
             "<form id=poll><input name=a><input name=b><input name=c></form>"
             LONG_P("Shops expect fewer visitors") "</div></body>");
    choose(&f, ATTEMPT_ALL);
    ck_assert(kept(&f, "story"));
    ck_assert(!kept(&f, "links"));   /* link density over 0.2 */
    ck_assert(kept(&f, "data"));     /* a data table is content */
    ck_assert(kept(&f, "gallery"));  /* a list of images is content */
    ck_assert(!kept(&f, "poll"));    /* more inputs than paragraphs allow */
    unload(&f);
}
END_TEST

START_TEST(no_conditional_cleaning_on_the_last_attempt)
{
    fixture f;
    load(&f, "<body><div id=story>" LONG_P("The bridge will close")
             "<div id=links><a href=/1>One link here</a> <a href=/2>Two link here</a> x</div>"
             "</div></body>");
    choose(&f, 0);
    ck_assert(kept(&f, "links"));
    unload(&f);
}
END_TEST

START_TEST(container_of_the_best_block_survives_negative_names)
{
    fixture f;
    load(&f, "<body><div id=outer class=content-hidden><div id=story>" LONG_P("The bridge will close")
             LONG_P("Buses will divert") LONG_P("Shops expect fewer") "</div></div></body>");
    choose(&f, ATTEMPT_ALL);
    ck_assert(kept(&f, "story"));
    unload(&f);
}
END_TEST

START_TEST(title_heading_and_byline_row_go)
{
    fixture f;
    load(&f, "<body><div id=story><h1 id=h>Bridge to close for repairs</h1>"
             "<p id=by>By <a rel=author href=/ann>Ann Lee</a> <time>3 May</time></p>"
             LONG_P("The bridge will close") LONG_P("Buses will divert") "</div></body>");
    const char title[] = "bridge to close for repairs";
    clean_title_and_byline(&f.e, title, sizeof title - 1);
    choose(&f, ATTEMPT_ALL);
    ck_assert(!kept(&f, "h"));
    ck_assert(!kept(&f, "by"));
    ck_assert(kept(&f, "story"));
    unload(&f);
}
END_TEST

START_TEST(clutter_is_counted_once_per_box)
{
    fixture f;
    load(&f, "<body><div id=story>" LONG_P("The bridge will close") "</div>"
             "<div id=comments class=comments><div class=comment-list><div class=comment>"
             "<p>Nice.</p><a href=?r=1>Reply</a></div><div class=comment><p>Agreed.</p>"
             "<a href=?r=2>Reply</a></div></div></div></body>");
    ck_assert_uint_eq(f.e.removed[RM_REMOVED_COMMENTS], 1);
    ck_assert_int_eq(f.e.kind[by_id(&f, "comments")], RM_REMOVED_COMMENTS);
    unload(&f);
}
END_TEST

START_TEST(statistics_follow_the_drop_mask)
{
    fixture f;
    load(&f, "<body><div id=d><p>abc, def.</p><a href=/x>link</a><p hidden>secret</p></div></body>");
    const rm_stats *s = &f.e.raw[by_id(&f, "d")];
    ck_assert_uint_eq(s->chars, 13);   /* "abc, def." + "link", hidden text excluded */
    ck_assert_uint_eq(s->commas, 1);
    ck_assert_uint_eq(s->sentences, 1);
    ck_assert_uint_eq(s->paragraphs, 1);
    ck_assert_uint_eq(s->links, 1);
    ck_assert(engine_link_density(s) > 0.25 && engine_link_density(s) < 0.35);
    unload(&f);
}
END_TEST

/* engine_restat takes the statistics of a mask it swept before as they
 * are, until a subtree is dropped: then they may have been changed (the
 * cleaning subtracts a removed box from its ancestors) and are swept again. */
START_TEST(statistics_swept_again_after_a_drop)
{
    fixture f;
    load(&f, "<body><div id=d><p>abc, def.</p><p id=p>more text here.</p></div></body>");
    size_t n = (size_t)f.e.dom.count;
    int32_t d = by_id(&f, "d"), p = by_id(&f, "p");
    uint8_t *base = malloc(n);
    ck_assert_ptr_nonnull(base);
    memcpy(base, f.e.drop, n);
    engine_restat(&f.e);
    ck_assert_uint_eq(f.e.st[d].chars, 24);
    /* a removal as the cleaning makes it: the box dropped, its text taken
     * from the statistics around it */
    engine_drop_subtree(&f.e, p, DROP_CLEANED);
    f.e.st[d].chars -= f.e.st[p].chars;
    memcpy(f.e.drop, base, n);
    engine_restat(&f.e);
    ck_assert_uint_eq(f.e.st[d].chars, 24);
    /* the same mask with no drop since: the same statistics, not swept */
    f.e.st[d].chars = 0;
    engine_restat(&f.e);
    ck_assert_uint_eq(f.e.st[d].chars, 0);
    free(base);
    unload(&f);
}
END_TEST

/* Price tags by their currency signs, ASCII's and those past it, alone
 * or in two text runs; a text without a sign is none. */
START_TEST(price_tags_by_their_signs)
{
    fixture f;
    load(&f, "<body><p id=a>$520.00</p><p id=b>\xE2\x82\xAC 9</p><p id=c>\xC2\xA3" "12</p>"
             "<p id=d>$<!-- -->14</p><p id=e>Item 9</p><p id=g>caf\xC3\xA9 9</p></body>");
    ck_assert(f.e.flags[by_id(&f, "a")] & NF_PRICE_TAG);
    ck_assert(f.e.flags[by_id(&f, "b")] & NF_PRICE_TAG);
    ck_assert(f.e.flags[by_id(&f, "c")] & NF_PRICE_TAG);
    ck_assert(f.e.flags[by_id(&f, "d")] & NF_PRICE_TAG);
    ck_assert(!(f.e.flags[by_id(&f, "e")] & NF_PRICE_TAG));
    ck_assert(!(f.e.flags[by_id(&f, "g")] & NF_PRICE_TAG));
    unload(&f);
}
END_TEST

/* A fold certain to be short without folding: ASCII text of fewer bytes
 * (under the mask given, or all of it); text past ASCII is never certain. */
START_TEST(folds_known_short_without_folding)
{
    fixture f;
    load(&f, "<body><a id=a href=/e>[edit]</a><a id=b href=/c>Add  to cart</a>"
             "<a id=c href=/x>caf\xC3\xA9</a><a id=d href=/h>go<span hidden>ne away</span></a></body>");
    ck_assert(engine_folds_shorter_than(&f.e, by_id(&f, "a"), NULL, 7));
    ck_assert(!engine_folds_shorter_than(&f.e, by_id(&f, "a"), NULL, 6));
    ck_assert(!engine_folds_shorter_than(&f.e, by_id(&f, "b"), NULL, 7));
    ck_assert(!engine_folds_shorter_than(&f.e, by_id(&f, "c"), NULL, 7));
    int32_t d = by_id(&f, "d");
    ck_assert(!engine_folds_shorter_than(&f.e, d, NULL, 7));
    ck_assert(engine_folds_shorter_than(&f.e, d, f.e.drop, 7));   /* the hidden span dropped */
    unload(&f);
}
END_TEST

START_TEST(overlays_by_stylesheet_utility_class_and_dialog_role)
{
    fixture f;
    load(&f, "<head><style>@media all { .k9 , .abn-overlay{top:0; position : fixed} }"
             ".plain{position:relative}</style></head><body><div id=story>"
             LONG_P("The bridge will close") "</div>"
             "<div id=nag class=\"abn-overlay x\"><p>It looks like you are using an ad blocker, so "
             "parts of this page cannot load for you.</p><button>I have disabled it</button></div>"
             "<div id=bar class=\"fixed inset-x-0 bottom-0 z-50\"><p>Get unlimited access.</p></div>"
             "<div id=consent role=dialog><p>We use cookies to measure visits.</p><button>OK</button></div>"
             "<div id=plain class=plain><p>Not an overlay at all.</p></div></body>");
    ck_assert_int_eq(f.e.kind[by_id(&f, "nag")], RM_REMOVED_ADBLOCK);
    ck_assert_int_eq(f.e.kind[by_id(&f, "bar")], RM_REMOVED_PROMPT);
    ck_assert_int_eq(f.e.kind[by_id(&f, "consent")], RM_REMOVED_CONSENT);
    ck_assert_int_eq(f.e.kind[by_id(&f, "plain")], RM_KIND_NONE);
    unload(&f);
}
END_TEST

/* Tailwind's `fixed` comes with other utilities; a section whose whole
 * class is "fixed" (a theme's fixed-width wrapper, around every section of
 * a page) is no overlay. */
START_TEST(a_lone_fixed_class_is_no_overlay)
{
    fixture f;
    load(&f, "<body><div id=hero class=fixed><h2>Big art energy</h2>" LONG_P("Our prints fill a wall")
             "</div><div id=bar class=\"fixed bottom-0\"><p>Get 10% off your first order.</p></div>"
             "</body>");
    ck_assert_int_eq(f.e.kind[by_id(&f, "hero")], RM_KIND_NONE);
    ck_assert_int_eq(f.e.drop[by_id(&f, "hero")], DROP_KEEP);
    ck_assert_int_eq(f.e.kind[by_id(&f, "bar")], RM_REMOVED_PROMPT);
    unload(&f);
}
END_TEST

/* A style sheet naming more fixed classes than any site does (generated or
 * hostile) fills the set only up to its bound; the rules read first count. */
/* The patterns engine_prepare notes while it reads each class list once
 * (rm_node.names) say what heur_class_weight and the unlikely test say of
 * the element's signature: random class lists and ids of pattern words,
 * capitals, "hid" alone and inside words, tabs and new lines between
 * names, and ids that are a slug of their heading (not in the signature). */
static const char *const name_parts[] = {
    "comment", "Hid", "hid", "hidden", "sr-only", "d-none", "d-lg-flex", "md:block",
    "content", "Tab-Pane", "x", "-ad-", "fallback-image", "fixed", "articleBody", "SIDEBAR",
    "main", "and", "footer", "rss", "post", "share-1", "ai2html", "a",
};
static const char *const name_gaps[] = {" ", " ", "  ", "\t", "\n", "-"};

static void random_names(char *out, size_t cap, unsigned *seed)
{
    size_t n = 0;
    unsigned count = (*seed = *seed * 1103515245u + 12345u) >> 16 & 7;
    out[0] = '\0';
    for (unsigned k = 0; k < count && n + 40 < cap; k++) {
        *seed = *seed * 1103515245u + 12345u;
        const char *part = name_parts[(*seed >> 16) % (sizeof name_parts / sizeof name_parts[0])];
        const char *gap = name_gaps[(*seed >> 8) % (sizeof name_gaps / sizeof name_gaps[0])];
        n += (size_t)snprintf(out + n, cap - n, "%s%s", k ? gap : "", part);
    }
}

START_TEST(class_patterns_read_once_match_the_signature)
{
    size_t cap = 400 * 300, n = 0;
    char *html = malloc(cap);
    ck_assert_ptr_nonnull(html);
    n += (size_t)snprintf(html + n, cap - n, "<body><section id=sidebar-notes><h2>Sidebar notes</h2><p>Text.</p></section>");
    unsigned seed = 7;
    for (int i = 0; i < 400; i++) {
        char cls[200], id[200];
        random_names(cls, sizeof cls, &seed);
        random_names(id, sizeof id, &seed);
        n += (size_t)snprintf(html + n, cap - n, "<div class=\"%s\" %s%s%s>%s</div>", cls,
                              i % 3 ? "id=\"" : "", i % 3 ? id : "", i % 3 ? "\"" : "",
                              i % 5 ? "text" : "<h3>Comment hid</h3>");
    }
    snprintf(html + n, cap - n, "</body>");
    fixture f;
    load(&f, html);
    int negative = 0, unlikely = 0;
    for (int32_t i = 0; i < f.e.dom.count; i++) {
        const char *sig = engine_sig(&f.e, i);
        ck_assert_msg(engine_class_weight(&f.e, i) == heur_class_weight(sig), "\"%s\"", sig);
        bool unlikely_sig = heur_sig_byline_unlikely(sig, strlen(sig)) & HEUR_SIG_UNLIKELY;
        ck_assert_msg(engine_is_unlikely(&f.e, i) == unlikely_sig, "\"%s\"", sig);
        negative += engine_class_weight(&f.e, i) < 0;
        unlikely += engine_is_unlikely(&f.e, i);
    }
    ck_assert_int_gt(negative, 50);   /* the page tests both answers */
    ck_assert_int_gt(unlikely, 50);
    ck_assert(f.e.flags[by_id(&f, "sidebar-notes")] & NF_SLUG_ID);
    unload(&f);
    free(html);
}
END_TEST

START_TEST(fixed_classes_stop_at_their_bound)
{
    size_t cap = 64 + (size_t)(ENGINE_FIXED_CLASSES_MAX + 10) * 40;
    char *html = malloc(cap);
    ck_assert_ptr_nonnull(html);
    size_t n = (size_t)snprintf(html, cap, "<head><style>.abn-overlay{position:fixed}");
    for (int i = 0; i < ENGINE_FIXED_CLASSES_MAX + 10; i++)
        n += (size_t)snprintf(html + n, cap - n, ".x%d{position:fixed}", i);
    snprintf(html + n, cap - n, "</style></head><body><p>Text.</p></body>");
    fixture f;
    load(&f, html);
    ck_assert_uint_eq(f.e.fixed_classes.count, ENGINE_FIXED_CLASSES_MAX);
    ck_assert(hashset_has(&f.e.fixed_classes, hashset_hash("abn-overlay", 11)));
    ck_assert(!hashset_has(&f.e.fixed_classes, hashset_hash("x4100", 5)));
    unload(&f);
    free(html);
}
END_TEST

/* A body of 20 000 short paragraphs in one box (id "main"): arrays and
 * tables past 64 KiB. */
static char *many_paragraphs(void)
{
    size_t cap = 40 + 20000 * 24;
    char *html = malloc(cap);
    ck_assert_ptr_nonnull(html);
    size_t len = (size_t)snprintf(html, cap, "<body><div id=main>");
    for (int i = 0; i < 20000; i++)
        len += (size_t)snprintf(html + len, cap - len, "<p>Word, words.</p>");
    snprintf(html + len, cap - len, "</div>");
    return html;
}

/* Parse and index `html` for an engine whose arrays come from `cache`
 * (engine_prepare not called yet). */
static void index_on(fixture *f, const char *html, arena_cache *cache)
{
    memset(f, 0, sizeof *f);
    f->out = gumbo_parse(html);
    ck_assert_int_eq(dom_build(&f->e.dom, f->out, &f->pre), 0);
    f->e.byline_node = RM_NONE;
    f->e.cards = RM_NONE;
    f->e.memory = cache;
}

/* With the call's cache of chunks, the large per-node arrays are written
 * into the memory a released tree left there, and go back to it when the
 * engine is freed; the passes read the same statistics either way. */
START_TEST(per_node_arrays_in_the_call_chunks)
{
    char *html = many_paragraphs();
    fixture plain, cached;
    load(&plain, html);
    arena_cache cache = {.limit = 0};
    arena tree = {.cache = &cache};
    for (int i = 0; i < 150000; i++)   /* a tree's worth of chunks, released */
        memset(arena_alloc(&tree, 100), 0xA5, 100);
    arena_release(&tree);
    index_on(&cached, html, &cache);
    /* the two statistics arrays at least, of 44 bytes a node */
    ck_assert_uint_ge(engine_array_bytes(&cached.e), (size_t)cached.e.dom.count * 2 * sizeof(rm_stats));
    size_t kept = cache.bytes;
    ck_assert_int_eq(engine_prepare(&cached.e), 0);
    ck_assert_uint_lt(cache.bytes, kept);
    int32_t main_box = by_id(&plain, "main");
    ck_assert_int_eq(by_id(&cached, "main"), main_box);
    ck_assert_uint_eq(cached.e.raw[main_box].chars, plain.e.raw[main_box].chars);
    ck_assert_uint_eq(cached.e.raw[main_box].commas, 20000);
    ck_assert_uint_eq(cached.e.flags[main_box], plain.e.flags[main_box]);
    unload(&cached);
    ck_assert_uint_eq(cache.bytes, kept);
    arena_cache_trim(&cache, 0);
    unload(&plain);
    free(html);
}
END_TEST

/* Clutter's tables for a page of many text boxes come from the call's
 * cache too, and go back to it when the pass ends. */
START_TEST(clutter_tables_in_the_call_chunks)
{
    char *html = many_paragraphs();
    arena_cache cache = {.limit = 0};
    fixture f;
    index_on(&f, html, &cache);
    ck_assert_int_eq(engine_prepare(&f.e), 0);
    ck_assert_uint_eq(cache.bytes, 0);   /* the arrays hold what was mapped */
    clutter_classify(&f.e);
    ck_assert_uint_gt(cache.bytes, 0);   /* the tables, given back */
    unload(&f);
    arena_cache_trim(&cache, 0);
    free(html);
}
END_TEST

/* Style sheets are read where they lie in the markup, as written: CR, CR LF
 * and NUL separate as the line break and the character Gumbo would make of
 * them, so position:fixed split by them still counts. */
START_TEST(style_sheets_read_as_written)
{
    static const char css[] = ".a{position:\r\nfixed}.b{position:\0fixed}\r.c\r{position:\rfixed}"
                              ".d{position:\r\nstatic}.e\0.f{top:0;position:fixed}";
    const prescan_span sheet = {0, sizeof css - 1};
    rm_engine e = {0};
    ck_assert_int_eq(engine_read_style_sheets(&e, css, &sheet, 1), 0);
    ck_assert_uint_eq(e.fixed_classes.count, 5);
    const char *fixed[] = {"a", "b", "c", "e", "f"};
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        ck_assert(hashset_has(&e.fixed_classes, hashset_hash(fixed[i], 1)));
    ck_assert(!hashset_has(&e.fixed_classes, hashset_hash("d", 1)));
    engine_free(&e);
}
END_TEST

/* Once the set is full the rest of a sheet is not read at all: a sheet
 * that is most of a 100 MB page costs what its first rules cost. The
 * sheet runs on into a page that may not be read. */
START_TEST(style_sheets_read_only_up_to_the_bound)
{
    long page = sysconf(_SC_PAGESIZE);
    size_t need = (size_t)(ENGINE_FIXED_CLASSES_MAX + 1) * 24;
    size_t size = (need / (size_t)page + 1) * (size_t)page;
    char *map = mmap(NULL, size + (size_t)page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    ck_assert(map != MAP_FAILED);
    ck_assert_int_eq(mprotect(map + size, (size_t)page, PROT_NONE), 0);
    size_t n = 0;
    for (int i = 0; n + 24 < size; i++)
        n += (size_t)snprintf(map + n, size - n, ".x%d{position:fixed}", i);
    memset(map + n, ' ', size - n);
    const prescan_span sheet = {0, size + (size_t)page};
    rm_engine e = {0};
    ck_assert_int_eq(engine_read_style_sheets(&e, map, &sheet, 1), 0);
    ck_assert_uint_eq(e.fixed_classes.count, ENGINE_FIXED_CLASSES_MAX);
    engine_free(&e);
    munmap(map, size + (size_t)page);
}
END_TEST

START_TEST(forms_by_their_fields)
{
    fixture f;
    load(&f, "<body><div id=story>" LONG_P("The bridge will close") "</div>"
             "<form id=reply class=f1><p>Your thoughts</p><textarea name=t></textarea><button>Post</button></form>"
             "<form id=signup class=f2><input type=email name=e><button>Join</button></form></body>");
    ck_assert_int_eq(f.e.kind[by_id(&f, "reply")], RM_REMOVED_COMMENTS);
    ck_assert_int_eq(f.e.kind[by_id(&f, "signup")], RM_REMOVED_PROMPT);
    unload(&f);
}
END_TEST

START_TEST(sign_up_box_goes_whole_and_lone_share_buttons_go)
{
    fixture f;
    load(&f, "<body><div id=story>" LONG_P("The bridge will close") LONG_P("Buses will divert")
             "<div id=box class=c7><h3>Get the Morning Record</h3><p>Local news before seven.</p>"
             "<form id=nl><input type=email name=e><button>Sign me up</button></form>"
             "<p>By signing up you agree to our terms.</p></div>"
             "<figure><img src=p.jpg><a id=pin href=\"https://www.pinterest.com/pin/create/button/?u=x\">Pin it</a></figure>"
             LONG_P("Shops expect fewer visitors") "</div></body>");
    ck_assert_int_eq(f.e.kind[by_id(&f, "box")], RM_REMOVED_PROMPT);
    ck_assert_int_eq(f.e.kind[by_id(&f, "nl")], RM_KIND_NONE);   /* counted once, as the box */
    ck_assert_uint_eq(f.e.removed[RM_REMOVED_PROMPT], 1);
    ck_assert_int_eq(f.e.kind[by_id(&f, "pin")], RM_REMOVED_SHARE);
    ck_assert_int_eq(f.e.kind[by_id(&f, "story")], RM_KIND_NONE);
    unload(&f);
}
END_TEST

START_TEST(recipe_card_survives)
{
    fixture f;
    load(&f, "<body><div id=story>" LONG_P("Pears are at their best in October")
             LONG_P("Brown the butter first") "<div class=card><h3 id=ing class=recipe-header>Ingredients</h3>"
             "<ul id=list><li><input type=checkbox> 6 ripe pears</li><li><input type=checkbox> 2 tablespoons sugar</li>"
             "<li><input type=checkbox> 1 cup oats</li></ul></div>" LONG_P("Serve it warm") "</div></body>");
    choose(&f, ATTEMPT_ALL);
    ck_assert(kept(&f, "list"));   /* checkboxes are not a form */
    ck_assert(kept(&f, "ing"));    /* a heading is not an "unlikely" block */
    unload(&f);
}
END_TEST

#define CARD(n) "<div class=\"cd cd--" #n "\"><a href=/n" #n "><img src=t.jpg></a><h3><a href=/n" #n \
                ">Headline number " #n " about the town</a></h3><p>A line of summary.</p></div>"

START_TEST(teaser_grids_go_unless_the_page_is_an_index)
{
    fixture f;
    load(&f, "<body><div id=story>" LONG_P("The ferry will not run until Friday")
             LONG_P("Engineers are waiting for a part") "</div><div id=grid>" CARD(1) CARD(2) CARD(3)
             CARD(4) "</div></body>");
    ck_assert_int_eq(f.e.kind[by_id(&f, "grid")], RM_REMOVED_RELATED);
    unload(&f);
    /* Nothing but teasers: a section front, where the teasers are content. */
    load(&f, "<body><h2>Eat well</h2><div id=grid>" CARD(1) CARD(2) CARD(3) CARD(4) "</div></body>");
    ck_assert_int_eq(f.e.kind[by_id(&f, "grid")], RM_KIND_NONE);
    unload(&f);
}
END_TEST

START_TEST(page_notes_controls_and_link_rows)
{
    fixture f;
    load(&f, "<body><a id=skip href=#main>Skip to content</a><div id=story>"
             "<p id=aff>This post may contain affiliate links.</p>"
             "<div><h2>History</h2><span id=edit>[<a href=/edit>edit</a>]</span></div>"
             LONG_P("The bridge will close") LONG_P("Buses will divert")
             "<p id=tools><a href=/csv>Download the data</a> | <a href=/print>Print</a></p>"
             "<p id=print>Published in the print edition of the May 3 issue.</p></div></body>");
    ck_assert_int_eq(f.e.drop[by_id(&f, "skip")], DROP_CLUTTER);   /* dropped, not counted */
    ck_assert_int_eq(f.e.drop[by_id(&f, "edit")], DROP_CLUTTER);
    ck_assert_uint_eq(f.e.removed[RM_REMOVED_NAVIGATION], 0);
    ck_assert_int_eq(f.e.kind[by_id(&f, "aff")], RM_REMOVED_ADS);
    ck_assert_int_eq(f.e.kind[by_id(&f, "print")], RM_REMOVED_FOOTER);
    choose(&f, ATTEMPT_ALL);
    ck_assert(!kept(&f, "tools"));
    unload(&f);
}
END_TEST

/* A skip link's target is the first element with its id (ids repeat on
 * broken pages), found among many other ids; a link to no element is
 * dropped alone. */
START_TEST(skip_link_lands_on_the_first_element_with_its_id)
{
    char html[16384];
    size_t n = (size_t)snprintf(html, sizeof html, "<body><a href=#after>Skip past the newsletter</a>"
                                "<a href=#nowhere>Skip to content</a><div id=story>");
    for (int i = 0; i < 300; i++)
        n += (size_t)snprintf(html + n, sizeof html - n, "<i id=n%d></i>", i);
    snprintf(html + n, sizeof html - n,
             "<p id=after>After the newsletter</p>" LONG_P("The bridge will close")
             LONG_P("Buses will divert") "<p id=after title=second>A second line</p></div></body>");
    fixture f;
    load(&f, html);
    ck_assert_int_eq(f.e.drop[by_id(&f, "after")], DROP_CLUTTER);
    int32_t second = last_with_attr(&f, "title");
    ck_assert_int_eq(f.e.drop[second], DROP_KEEP);
    ck_assert_int_eq(f.e.drop[by_id(&f, "n299")], DROP_KEEP);
    unload(&f);
}
END_TEST

/* The elements that have an id, listed once in document order for the
 * look-ups by id: every one of them, and nothing else. */
START_TEST(elements_with_an_id_are_listed_in_page_order)
{
    fixture f;
    load(&f, "<body><div id=story><h2 id=s1>One</h2><p class=x>Text</p><p id=p2>More</p>"
             "<svg id=art></svg><a href=#s1 id=link>back</a></div></body>");
    const char *const expected[] = {"story", "s1", "p2", "art", "link"};
    ck_assert_uint_eq(f.e.id_count, 5);
    for (size_t k = 0; k < f.e.id_count; k++) {
        ck_assert_int_eq(f.e.id_nodes[k], by_id(&f, expected[k]));
        ck_assert(k == 0 || f.e.id_nodes[k] > f.e.id_nodes[k - 1]);
    }
    unload(&f);
}
END_TEST

/* The first element with a skip link's id decides, even when it could
 * never be a landing marker (a heading) and a later one could: the later
 * one stays. And a page whose elements with an id are all headings (a
 * wiki's edit links) drops the edit links and no heading. */
START_TEST(skip_link_target_first_even_when_it_cannot_go)
{
    fixture f;
    load(&f, "<body><a href=#promo>Skip past the newsletter</a><div id=story>"
             "<h2 id=promo>Newsletter</h2>" LONG_P("The bridge will close") LONG_P("Buses will divert")
             "<p id=promo title=second>After the newsletter</p></div></body>");
    int32_t second = last_with_attr(&f, "title");
    ck_assert_int_eq(f.e.drop[second], DROP_KEEP);
    ck_assert_int_eq(f.e.drop[by_id(&f, "promo")], DROP_KEEP);
    unload(&f);
    load(&f, "<body><div id=story><h3 id=s1>Tolls</h3><a id=e1 href=#s1>[edit]</a>" LONG_P("The bridge will close")
             "<h3 id=s2>Buses</h3><a id=e2 href=#s2>[edit]</a>" LONG_P("Buses will divert") "</div></body>");
    const char *const edit_links[] = {"e1", "e2"}, *const headings[] = {"s1", "s2"};
    for (size_t k = 0; k < 2; k++) {
        ck_assert_int_eq(f.e.drop[by_id(&f, edit_links[k])], DROP_CLUTTER);
        ck_assert_int_eq(f.e.drop[by_id(&f, headings[k])], DROP_KEEP);
    }
    unload(&f);
}
END_TEST

/* Folded text into the caller's buffer: ASCII is folded in place (the
 * buffer comes back), other text comes back malloc'd and case-folded;
 * white space collapses, the cut is at max_bytes, dropped nodes are
 * skipped; engine_folded_text gives the same text. */
START_TEST(folded_text_into_a_buffer)
{
    fixture f;
    load(&f, "<body><div id=a>  Sort  <b>BY</b>\n Date </div><div id=u>STRASSE \xC3\x9C<i>ber</i></div>"
             "<div id=d>Keep <span id=gone>DROPPED</span> this</div></body>");
    char buf[33];
    size_t len;
    char *text = engine_fold_into(&f.e, by_id(&f, "a"), NULL, 32, buf, &len);
    ck_assert_ptr_eq(text, buf);
    ck_assert_str_eq(text, "sort by date");
    ck_assert_uint_eq(len, 12);
    text = engine_fold_into(&f.e, by_id(&f, "a"), NULL, 6, buf, &len);
    ck_assert_ptr_eq(text, buf);
    ck_assert_str_eq(text, "sort b");
    text = engine_fold_into(&f.e, by_id(&f, "u"), NULL, 32, buf, &len);
    ck_assert_ptr_nonnull(text);
    ck_assert_ptr_ne(text, buf);
    ck_assert_str_eq(text, "strasse \xC3\xBC" "ber");
    char *again = engine_folded_text(&f.e, by_id(&f, "u"), NULL, 32, &len);
    ck_assert_str_eq(again, text);
    free(again);
    free(text);
    f.e.drop[by_id(&f, "gone")] = DROP_CLUTTER;
    text = engine_fold_into(&f.e, by_id(&f, "d"), f.e.drop, 32, buf, &len);
    ck_assert_str_eq(text, "keep this");
    unload(&f);
}
END_TEST

/* The fold of plain ASCII the plain way: white-space runs as one space,
 * none at the ends, letters lower-cased. */
static void expected_fold(const char *s, char *out)
{
    size_t n = 0;
    for (; *s; s++) {
        if (strchr(" \t\n\r\f", *s)) {
            if (n && out[n - 1] != ' ')
                out[n++] = ' ';
            continue;
        }
        out[n++] = (char)tolower((unsigned char)*s);
    }
    while (n && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
}

/* Prose is folded sixteen and eight bytes at a time: whatever breaks a
 * block (a double space, a line break, a space where one was written, a
 * letter beyond ASCII), at any offset, and a cut at any length, give what
 * the byte loop gives. */
START_TEST(folded_text_at_every_offset)
{
    static const char prose[] = "The Council met on Tuesday EVENING to discuss the new bridge, today";
    static const char *const inserts[] = {"  ", "\n", " \t ", "X", ". ", "\xC3\x89t\xC3\xA9"};
    for (size_t k = 0; k < sizeof inserts / sizeof inserts[0]; k++) {
        for (size_t at = 0; at < sizeof prose - 1; at++) {
            char text[200], page[300], want[200], buf[201];
            snprintf(text, sizeof text, " %.*s%s%s", (int)at, prose, inserts[k], prose + at);
            snprintf(page, sizeof page, "<body><p id=t>%s</p></body>", text);
            fixture f;
            load(&f, page);
            int32_t t = by_id(&f, "t");
            size_t len;
            char *got = engine_fold_into(&f.e, t, NULL, 200, buf, &len);
            ck_assert_ptr_nonnull(got);
            if (inserts[k][0] & 0x80) {   /* É and é fold to é */
                expected_fold(text, want);
                char *e = strstr(want, "\xC3\x89");
                ck_assert_ptr_nonnull(e);
                e[1] = (char)0xA9;
            } else {
                expected_fold(text, want);
                /* cut anywhere: the first bytes, white space at the end dropped */
                size_t max = at + 5 < strlen(want) ? at + 5 : strlen(want);
                char *cut = engine_fold_into(&f.e, t, NULL, max, buf, &len);
                char short_want[200];
                memcpy(short_want, want, max);
                while (max && short_want[max - 1] == ' ')
                    max--;
                short_want[max] = '\0';
                ck_assert_msg(strcmp(cut, short_want) == 0, "\"%s\" cut: \"%s\", expected \"%s\"", text,
                              cut, short_want);
                got = engine_fold_into(&f.e, t, NULL, 200, buf, &len);
            }
            ck_assert_msg(strcmp(got, want) == 0 && len == strlen(want), "\"%s\": \"%s\", expected \"%s\"",
                          text, got, want);
            if (got != buf)
                free(got);
            unload(&f);
        }
    }
}
END_TEST

/* A box's folded text is read again by later passes only while nothing
 * inside it was dropped: here the note pass drops the sponsored line
 * after the label pass read the box, and the placeholder pass must read
 * what is left ("Loading"). */
START_TEST(later_passes_read_a_box_as_it_is_then)
{
    fixture f;
    load(&f, "<body><h1>Bridge vote</h1>" LONG_P("The council met on Tuesday")
             "<div id=d><p id=n>Sponsored content</p> Loading</div>" LONG_P("Engineers will report")
             "</body>");
    ck_assert_int_eq(f.e.kind[by_id(&f, "n")], RM_REMOVED_ADS);
    ck_assert_int_eq(f.e.drop[by_id(&f, "d")], DROP_CLUTTER);
    ck_assert_int_eq(f.e.kind[by_id(&f, "d")], RM_KIND_NONE);   /* dropped, not counted */
    unload(&f);
}
END_TEST

/* Attribute names are compared without ASCII case (SVG keeps "viewBox"),
 * whole: neither a prefix nor a longer name matches. */
START_TEST(attribute_names_without_case)
{
    fixture f;
    load(&f, "<body><svg id=s viewBox=\"0 0 8 8\"></svg><p id=p title=t>x</p></body>");
    int32_t svg = by_id(&f, "s"), p = by_id(&f, "p");
    ck_assert_str_eq(dom_attr(&f.e.dom, svg, "viewbox"), "0 0 8 8");
    ck_assert_str_eq(dom_attr(&f.e.dom, svg, "VIEWBOX"), "0 0 8 8");
    ck_assert_ptr_null(dom_attr(&f.e.dom, svg, "viewbo"));
    ck_assert_ptr_null(dom_attr(&f.e.dom, svg, "viewboxx"));
    ck_assert_str_eq(dom_attr(&f.e.dom, p, "TITLE"), "t");
    ck_assert_ptr_null(dom_attr(&f.e.dom, p, "titlE_"));
    ck_assert_ptr_null(dom_attr(&f.e.dom, p, "class"));
    unload(&f);
}
END_TEST

/* An element's attribute bits (dom_attr_bit) only ever skip names it does
 * not have: with more names than bits, each one is still found, alone and
 * among others, and a name of the same first letter, last letter or
 * length that it lacks is not. */
START_TEST(attributes_found_among_many)
{
    static const char *const names[] = {"href", "class", "style", "title", "rel", "target", "data-src",
                                        "aria-hidden", "itemprop", "role", "lang", "width"};
    enum { N = sizeof names / sizeof names[0] };
    char html[1024] = "<body><a id=x";
    for (size_t k = 1; k < N; k++)   /* all but "href" */
        snprintf(html + strlen(html), sizeof html - strlen(html), " %s=v%zu", names[k], k);
    strcat(html, ">link</a></body>");
    fixture f;
    load(&f, html);
    int32_t a = by_id(&f, "x");
    const char *values[N];
    dom_attrs_lookup(&f.e.dom, a, names, N, values);
    for (size_t k = 1; k < N; k++) {
        char want[8];
        snprintf(want, sizeof want, "v%zu", k);
        ck_assert_str_eq(dom_attr(&f.e.dom, a, names[k]), want);
        ck_assert_str_eq(values[k], want);
    }
    ck_assert_ptr_null(values[0]);
    ck_assert_ptr_null(dom_attr(&f.e.dom, a, "href"));
    ck_assert_ptr_null(dom_attr(&f.e.dom, a, "hreg"));
    ck_assert_ptr_null(dom_attr(&f.e.dom, a, "rol"));
    ck_assert_ptr_null(dom_attr(&f.e.dom, a, "lange"));
    ck_assert_ptr_null(dom_attr_lookup(&f.e.dom, a, "itemtype"));
    unload(&f);
}
END_TEST

/* Text measures, counted the plain way: code points with a white-space
 * run as one, commas but not between digits, sentence ends (. ! ?) before
 * white space or the end. */
static void expected_measures(const char *s, uint32_t *chars, unsigned *commas, unsigned *ends)
{
    *chars = 0;
    *commas = *ends = 0;
    for (size_t i = 0; s[i]; i++) {
        bool space = strchr(" \t\n\r\f", s[i]) != NULL;
        if ((s[i] & 0xC0) == 0x80 || (space && i > 0 && strchr(" \t\n\r\f", s[i - 1])))
            continue;   /* a continuation byte, or a space run going on */
        (*chars)++;
        bool digits = i > 0 && isdigit((unsigned char)s[i - 1]) && isdigit((unsigned char)s[i + 1]);
        *commas += s[i] == ',' && !digits;
        *ends += strchr(".!?", s[i]) && (!s[i + 1] || strchr(" \t\n\r\f", s[i + 1]));
    }
}

/* The letter runs of prose are measured sixteen bytes at a time: whatever
 * breaks a block (a comma, a sentence end, a double space, a digit, a
 * letter beyond ASCII) at any offset is counted as the byte loop counts
 * it. */
START_TEST(text_measures_at_every_offset)
{
    static const char prose[] = "The council met on Tuesday evening to discuss the new bridge today";
    static const char *const inserts[] = {",", ". ", "  ", "\n", "7", "1,000", "\xC3\xA9", "!", " x. "};
    for (size_t k = 0; k < sizeof inserts / sizeof inserts[0]; k++) {
        for (size_t at = 1; at < sizeof prose - 1; at++) {
            char text[200], page[300];
            snprintf(text, sizeof text, "%.*s%s%s.", (int)at, prose, inserts[k], prose + at);
            snprintf(page, sizeof page, "<body><p id=t>%s</p></body>", text);
            fixture f;
            load(&f, page);
            int32_t t = by_id(&f, "t") + 1;
            uint32_t chars;
            unsigned commas, ends;
            expected_measures(text, &chars, &commas, &ends);
            ck_assert_msg(f.e.tchars[t] == chars && f.e.tcommas[t] == commas && f.e.tsentences[t] == ends,
                          "\"%s\": %u %u %u, expected %u %u %u", text, f.e.tchars[t], f.e.tcommas[t],
                          f.e.tsentences[t], chars, commas, ends);
            unload(&f);
        }
    }
}
END_TEST

START_TEST(layout_cells_are_containers_and_figures_are_not_commas)
{
    fixture f;
    load(&f, "<body><table><tr><td id=nav><a href=/a>Home</a> <a href=/b>Data</a> <a href=/c>About</a></td>"
             "<td id=main><h2>Main points</h2>" LONG_P("Visits rose to 1,180,000")
             LONG_P("Loans grew more slowly") "</td></tr></table></body>");
    const rm_stats *s = &f.e.raw[by_id(&f, "main")];
    ck_assert_uint_eq(s->commas, 10);   /* five a paragraph; "1,180,000" counts none */
    choose(&f, ATTEMPT_ALL);
    ck_assert(kept(&f, "main"));
    ck_assert(!kept(&f, "nav") || !is_root(&f, by_id(&f, "nav")));
    unload(&f);
}
END_TEST

START_TEST(photo_frames_survive_negative_names)
{
    fixture f;
    load(&f, "<body><div id=story>" LONG_P("The bridge will close") "<div id=frame class=gallery__media>"
             "<img src=a.jpg alt=''><p>The old bridge at dawn.</p></div>" LONG_P("Buses will divert") "</div></body>");
    choose(&f, ATTEMPT_ALL);
    ck_assert(kept(&f, "frame"));
    unload(&f);
}
END_TEST

START_TEST(references_the_text_links_to_are_kept)
{
    fixture f;
    load(&f, "<body><div id=story><p>The bridge will close, the council said<a href=#fn1>[1]</a>, and buses, "
             "bikes and walkers will be diverted<a href=#fn2>[2]</a> for six weeks, weather permitting.</p>"
             LONG_P("Shops expect fewer visitors") "<div id=refs><ol>"
             "<li id=fn1><a href=#r1>^</a> <a href=/a>Council minutes</a>, <a href=/b>item 4</a></li>"
             "<li id=fn2><a href=#r2>^</a> <a href=/c>Bus operator notice</a></li></ol></div>"
             "<div id=other><a href=/x>Other</a> <a href=/y>links</a> here</div></div></body>");
    choose(&f, ATTEMPT_ALL);
    ck_assert(kept(&f, "refs"));     /* linky, but the text points at it */
    ck_assert(!kept(&f, "other"));   /* the same shape, pointed at by nothing */
    unload(&f);
}
END_TEST

/* The ids "#id" links point to are known once the whole page is read: a
 * footnote list before the text that links to it is marked all the same,
 * and a page without an <li id> marks nothing. */
START_TEST(notes_before_the_links_to_them_are_marked)
{
    fixture f;
    load(&f, "<body><div id=story><ol id=refs><li id=fn1>Council minutes</li><li id=fn2>Bus notice</li>"
             "<li id=fn3>Not cited</li></ol><p>The bridge will close<a href=#fn1>[1]</a>, buses will "
             "divert<a href=#fn2>[2]</a>.</p></div></body>");
    ck_assert(f.e.flags[by_id(&f, "fn1")] & NF_NOTE);
    ck_assert(f.e.flags[by_id(&f, "fn2")] & NF_NOTE);
    ck_assert(!(f.e.flags[by_id(&f, "fn3")] & NF_NOTE));
    unload(&f);
}
END_TEST

START_TEST(code_and_headings_are_not_clutter)
{
    fixture f;
    load(&f, "<body><div id=story>" LONG_P("Install the tool first") LONG_P("Then run the check")
             "<div id=hl class=highlight><pre><code>pgsnap doctor</code></pre></div>"
             "<pre><code id=tok><span id=cmt class=\"token comment\">// a comment</span> x = 1;</code></pre>"
             "<div id=wrap class=page-header><h2 id=sub>Setting up</h2></div>"
             "<div id=head role=heading aria-level=2>Next steps</div>"
             LONG_P("Finally clean up") "</div></body>");
    ck_assert_int_eq(f.e.kind[by_id(&f, "cmt")], RM_KIND_NONE);   /* syntax highlighting */
    choose(&f, ATTEMPT_ALL);
    ck_assert(kept(&f, "hl"));     /* a code block's wrapper is the code */
    ck_assert(kept(&f, "cmt"));
    ck_assert(kept(&f, "sub"));    /* a short wrapper of one heading is not "unlikely" */
    ck_assert(kept(&f, "head"));   /* role=heading counts as a heading */
    unload(&f);
}
END_TEST

START_TEST(sponsored_card_goes)
{
    fixture f;
    load(&f, "<body><div id=story>" LONG_P("The bridge will close") LONG_P("Buses will divert")
             "<div id=card><p>Sponsored</p><h3>Ship faster with Acme Cloud</h3><p>Try it free for "
             "thirty days.</p></div>" LONG_P("Shops expect fewer visitors") "</div></body>");
    ck_assert_int_eq(f.e.kind[by_id(&f, "card")], RM_REMOVED_ADS);
    unload(&f);
}
END_TEST

/* The index keeps the names of elements Gumbo does not know: the markup
 * they came from is freed once the index is built (ASan sees any read). */
START_TEST(custom_names_outlive_the_markup)
{
    char *html = strdup("<body><my-Widget>a</my-Widget><p>b</p><dialog>c</dialog>"
                        "<x-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa>d"
                        "</x-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa>"
                        "</body>");
    ck_assert_ptr_nonnull(html);
    GumboOutput *out = gumbo_parse(html);
    rm_dom dom;
    ck_assert_int_eq(dom_build(&dom, out, NULL), 0);
    free(html);
    const char *expected[] = {"my-widget", "p", "dialog",
                              "x-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"};
    size_t found = 0;
    for (int32_t i = dom.body + 1; i < dom.count; i++) {
        char buf[64];
        if (dom.nodes[i].type != RM_NODE_ELEMENT)
            continue;
        ck_assert_uint_lt(found, sizeof expected / sizeof expected[0]);
        ck_assert_str_eq(dom_tag_name(&dom, i, buf), expected[found++]);
    }
    ck_assert_uint_eq(found, sizeof expected / sizeof expected[0]);
    dom_free(&dom);
    gumbo_destroy_output(&kGumboDefaultOptions, out);
}
END_TEST

/* The index holds its own copies of texts, attributes and namespaces:
 * the markup is freed between its two steps, Gumbo's tree before the
 * passes run (ASan sees any read). */
START_TEST(index_outlives_the_tree)
{
    char *html = strdup("<body><p class=Lead ID=x data-n=\"1&amp;2\">one &lt;two&gt;</p>"
                        "<svg viewBox=\"0 0 1 1\"><title>t</title></svg>\r\n<b>three</b></body>");
    ck_assert_ptr_nonnull(html);
    GumboOutput *out = gumbo_parse(html);
    rm_dom dom;
    ck_assert_int_eq(dom_index_tree(&dom, out, NULL), 0);
    free(html);
    ck_assert_int_eq(dom_copy_content(&dom), 0);
    gumbo_destroy_output(&kGumboDefaultOptions, out);
    int32_t p = RM_NONE, svg = RM_NONE, b = RM_NONE;
    for (int32_t i = 0; i < dom.count; i++) {
        p = dom.nodes[i].tag == GUMBO_TAG_P ? i : p;
        svg = dom.nodes[i].tag == GUMBO_TAG_SVG ? i : svg;
        b = dom.nodes[i].tag == GUMBO_TAG_B ? i : b;
    }
    ck_assert_int_ne(p, RM_NONE);
    ck_assert_str_eq(dom_attr(&dom, p, "class"), "Lead");
    ck_assert_str_eq(dom_attr(&dom, p, "id"), "x");
    ck_assert_str_eq(dom_attr(&dom, p, "data-n"), "1&2");
    ck_assert_ptr_null(dom_attr(&dom, p, "href"));
    size_t count;
    const rm_attr *attrs = dom_attr_list(&dom, p, &count);
    ck_assert_uint_eq(count, 3);
    ck_assert_str_eq(attrs[1].name, "id");
    ck_assert_str_eq(dom_text(&dom, dom.nodes[p].first_child), "one <two>");
    ck_assert_ptr_null(dom_text(&dom, p));
    ck_assert_int_eq(dom_namespace(&dom, p), GUMBO_NAMESPACE_HTML);
    ck_assert_int_eq(dom_namespace(&dom, svg), GUMBO_NAMESPACE_SVG);
    ck_assert_int_eq(dom_namespace(&dom, dom.nodes[svg].first_child), GUMBO_NAMESPACE_SVG);
    ck_assert_str_eq(dom_text(&dom, dom.nodes[b].first_child), "three");
    ck_assert_uint_eq(dom_attr_list(&dom, b, &count) == NULL, 1);
    ck_assert_uint_eq(count, 0);
    dom_free(&dom);
}
END_TEST

/* Attribute names and short values are copied into the index once each:
 * elements that repeat one read the same copy (what keeps the passes'
 * look-ups in the cache on a big page); a long value is copied whole. */
START_TEST(index_shares_attribute_names)
{
    GumboOutput *out = gumbo_parse("<body><div class=a id=x>one</div><div class=b>two</div>"
                                   "<p data-note-of-the-longest-kind-here=1 class=a "
                                   "title='a title longer than thirty-two bytes'>three</p></body>");
    rm_dom dom;
    ck_assert_int_eq(dom_build(&dom, out, NULL), 0);
    gumbo_destroy_output(&kGumboDefaultOptions, out);
    const char *class_name = NULL;
    size_t seen = 0;
    for (int32_t i = 0; i < dom.count; i++) {
        size_t count;
        const rm_attr *attrs = dom_attr_list(&dom, i, &count);
        for (size_t k = 0; k < count; k++) {
            if (strcmp(attrs[k].name, "class") != 0)
                continue;
            class_name = class_name ? class_name : attrs[k].name;
            ck_assert_ptr_eq(attrs[k].name, class_name);
            seen++;
        }
    }
    ck_assert_uint_eq(seen, 3);
    int32_t p = RM_NONE;
    for (int32_t i = 0; i < dom.count; i++)
        p = dom.nodes[i].tag == GUMBO_TAG_P ? i : p;
    ck_assert_str_eq(dom_attr(&dom, p, "data-note-of-the-longest-kind-here"), "1");
    ck_assert_str_eq(dom_attr(&dom, p, "class"), "a");
    ck_assert_str_eq(dom_attr(&dom, p, "title"), "a title longer than thirty-two bytes");
    int32_t first = RM_NONE;
    for (int32_t i = 0; i < dom.count && first == RM_NONE; i++)
        first = dom.nodes[i].tag == GUMBO_TAG_DIV ? i : first;
    ck_assert_ptr_eq(dom_attr(&dom, first, "class"), dom_attr(&dom, p, "class"));
    dom_free(&dom);
}
END_TEST

/* The index's store of texts: a text bigger than a chunk, the first of
 * all, gets a chunk of its own, exactly its size; the next text, whose
 * place is rounded up to the alignment of the span stored before it,
 * goes to another chunk, not past the end of that one. */
START_TEST(index_stores_a_first_text_bigger_than_a_chunk)
{
    const size_t big = 70001;   /* past a 64 KB chunk; odd, so rounding moves */
    char *html = malloc(big + 32);
    ck_assert_ptr_nonnull(html);
    memcpy(html, "<p>", 3);
    memset(html + 3, 'a', big);
    strcpy(html + 3 + big, "</p><p>b</p>");
    GumboOutput *out = gumbo_parse(html);
    rm_dom dom;
    ck_assert_int_eq(dom_build(&dom, out, NULL), 0);
    gumbo_destroy_output(&kGumboDefaultOptions, out);
    free(html);
    size_t texts = 0;
    for (int32_t i = 0; i < dom.count; i++) {
        if (dom.nodes[i].type != RM_NODE_TEXT)
            continue;
        ck_assert_uint_eq(strlen(dom_text(&dom, i)), texts == 0 ? big : 1);
        texts++;
    }
    ck_assert_uint_eq(texts, 2);
    dom_free(&dom);
}
END_TEST

static Suite *engine_suite(void)
{
    Suite *s = suite_create("engine");
    TCase *tc = tcase_create("passes");
    tcase_add_test(tc, paragraph_points_choose_the_container);
    tcase_add_test(tc, index_shares_attribute_names);
    tcase_add_test(tc, index_stores_a_first_text_bigger_than_a_chunk);
    tcase_add_test(tc, divs_without_blocks_score_as_paragraphs);
    tcase_add_test(tc, siblings_of_the_same_article_are_merged);
    tcase_add_test(tc, unlikely_blocks_are_stripped_unless_they_hold_the_article);
    tcase_add_test(tc, conditional_cleaning_rules);
    tcase_add_test(tc, no_conditional_cleaning_on_the_last_attempt);
    tcase_add_test(tc, container_of_the_best_block_survives_negative_names);
    tcase_add_test(tc, title_heading_and_byline_row_go);
    tcase_add_test(tc, clutter_is_counted_once_per_box);
    tcase_add_test(tc, statistics_follow_the_drop_mask);
    tcase_add_test(tc, statistics_swept_again_after_a_drop);
    tcase_add_test(tc, price_tags_by_their_signs);
    tcase_add_test(tc, folds_known_short_without_folding);
    tcase_add_test(tc, overlays_by_stylesheet_utility_class_and_dialog_role);
    tcase_add_test(tc, a_lone_fixed_class_is_no_overlay);
    tcase_add_test(tc, fixed_classes_stop_at_their_bound);
    tcase_add_test(tc, style_sheets_read_as_written);
    tcase_add_test(tc, style_sheets_read_only_up_to_the_bound);
    tcase_add_test(tc, forms_by_their_fields);
    tcase_add_test(tc, sign_up_box_goes_whole_and_lone_share_buttons_go);
    tcase_add_test(tc, recipe_card_survives);
    tcase_add_test(tc, teaser_grids_go_unless_the_page_is_an_index);
    tcase_add_test(tc, page_notes_controls_and_link_rows);
    tcase_add_test(tc, skip_link_lands_on_the_first_element_with_its_id);
    tcase_add_test(tc, elements_with_an_id_are_listed_in_page_order);
    tcase_add_test(tc, skip_link_target_first_even_when_it_cannot_go);
    tcase_add_test(tc, folded_text_into_a_buffer);
    tcase_add_test(tc, folded_text_at_every_offset);
    tcase_add_test(tc, later_passes_read_a_box_as_it_is_then);
    tcase_add_test(tc, attribute_names_without_case);
    tcase_add_test(tc, attributes_found_among_many);
    tcase_add_test(tc, layout_cells_are_containers_and_figures_are_not_commas);
    tcase_add_test(tc, text_measures_at_every_offset);
    tcase_add_test(tc, photo_frames_survive_negative_names);
    tcase_add_test(tc, references_the_text_links_to_are_kept);
    tcase_add_test(tc, notes_before_the_links_to_them_are_marked);
    tcase_add_test(tc, code_and_headings_are_not_clutter);
    tcase_add_test(tc, sponsored_card_goes);
    tcase_add_test(tc, custom_names_outlive_the_markup);
    tcase_add_test(tc, index_outlives_the_tree);
    tcase_add_test(tc, class_patterns_read_once_match_the_signature);
    tcase_add_test(tc, per_node_arrays_in_the_call_chunks);
    tcase_add_test(tc, clutter_tables_in_the_call_chunks);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(engine_suite)
