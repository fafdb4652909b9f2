/*
 * test_charref.c — character references the pre-scan writes as their
 * characters (charref.c): Gumbo must build the same tree from the
 * rewritten markup as from the page, for every name of the table, for
 * numbers across Unicode, and for references next to each other and to
 * what could carry them on ("&not&#105;n", "&lt;/p>", "&amp;&#x41;").
 */
#include "prescan.h"
#include "readmode.h"
#include "testutil.h"

#include <gumbo.h>

/* HTML 4's entities and "apos": the names charref.c writes as characters. */
static const char names[] =
    "AElig Aacute Acirc Agrave Alpha Aring Atilde Auml Beta Ccedil Chi Dagger Delta ETH "
    "Eacute Ecirc Egrave Epsilon Eta Euml Gamma Iacute Icirc Igrave Iota Iuml Kappa "
    "Lambda Mu Ntilde Nu OElig Oacute Ocirc Ograve Omega Omicron Oslash Otilde Ouml Phi "
    "Pi Prime Psi Rho Scaron Sigma THORN Tau Theta Uacute Ucirc Ugrave Upsilon Uuml Xi "
    "Yacute Yuml Zeta aacute acirc acute aelig agrave alefsym alpha amp and ang apos "
    "aring asymp atilde auml bdquo beta brvbar bull cap ccedil cedil cent chi circ clubs "
    "cong copy crarr cup curren dArr dagger darr deg delta diams divide eacute ecirc "
    "egrave empty emsp ensp epsilon equiv eta eth euml euro exist fnof forall frac12 "
    "frac14 frac34 frasl gamma ge gt hArr harr hearts hellip iacute icirc iexcl igrave "
    "image infin int iota iquest isin iuml kappa lArr lambda lang laquo larr lceil ldquo "
    "le lfloor lowast loz lrm lsaquo lsquo lt macr mdash micro middot minus mu nabla "
    "nbsp ndash ne ni not notin nsub ntilde nu oacute ocirc oelig ograve oline omega "
    "omicron oplus or ordf ordm oslash otilde otimes ouml para part permil perp phi pi "
    "piv plusmn pound prime prod prop psi quot rArr radic rang raquo rarr rceil rdquo "
    "real reg rfloor rho rlm rsaquo rsquo sbquo scaron sdot sect shy sigma sigmaf sim "
    "spades sub sube sum sup sup1 sup2 sup3 supe szlig tau there4 theta thetasym thinsp "
    "thorn tilde times trade uArr uacute uarr ucirc ugrave uml upsih upsilon uuml weierp "
    "xi yacute yen yuml zeta zwj zwnj "
    ;

static prescan_output last;

static void teardown(void)
{
    prescan_free(&last);
}

/* The markup Gumbo gets in extraction (every cap and stripping on). */
static const char *prescanned(const char *html)
{
    prescan_free(&last);
    const prescan_limits limits = {512, RM_MAX_ATTRIBUTES, RM_MAX_ATTRIBUTE_BYTES, true, false, false};
    ck_assert_int_eq(prescan(html, strlen(html), &limits, &last), 0);
    return last.html ? last.html : html;
}

typedef struct {
    char *s;
    size_t len, cap;
} text;

static void add(text *t, const char *s, size_t n)
{
    if (t->len + n + 1 > t->cap) {
        t->cap = (t->len + n + 1) * 2;
        t->s = realloc(t->s, t->cap);
        ck_assert_ptr_nonnull(t->s);
    }
    memcpy(t->s + t->len, s, n);
    t->len += n;
    t->s[t->len] = '\0';
}

static void add_str(text *t, const char *s)
{
    add(t, s, strlen(s));
}

/* Gumbo's tree as text: elements with their name, namespace and
 * attributes, texts of every kind with their characters. Comments count
 * without their text (the pre-scan empties them). */
static void write_node(text *t, const GumboNode *n)
{
    char buf[64];
    switch (n->type) {
    case GUMBO_NODE_DOCUMENT:
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE: {
        const GumboVector *children = &n->v.document.children;
        if (n->type != GUMBO_NODE_DOCUMENT) {
            const GumboElement *e = &n->v.element;
            snprintf(buf, sizeof buf, "<%d:%d", (int)e->tag_namespace, (int)e->tag);
            add_str(t, buf);
            if (e->tag == GUMBO_TAG_UNKNOWN) {
                GumboStringPiece piece = e->original_tag;
                gumbo_tag_from_original_text(&piece);
                add(t, piece.data, piece.length);
            }
            for (unsigned i = 0; i < e->attributes.length; i++) {
                const GumboAttribute *a = e->attributes.data[i];
                add_str(t, " ");
                add_str(t, a->name);
                add_str(t, "=");
                add_str(t, a->value);
            }
            add_str(t, ">");
            children = &e->children;
        }
        for (unsigned i = 0; i < children->length; i++)
            write_node(t, children->data[i]);
        add_str(t, "</>");
        break;
    }
    case GUMBO_NODE_COMMENT:
        add_str(t, "[C]");
        break;
    default:
        snprintf(buf, sizeof buf, "[%d:", (int)n->type);
        add_str(t, buf);
        add_str(t, n->v.text.text);
        add_str(t, "]");
        break;
    }
}

static char *tree_of(const char *html)
{
    GumboOutput *g = gumbo_parse(html);
    text t = {0};
    write_node(&t, g->document);
    gumbo_destroy_output(&kGumboDefaultOptions, g);
    return t.s;
}

/* Gumbo reads the page and its pre-scanned markup alike. */
static void reads_the_same(const char *html)
{
    char *page = tree_of(html), *scanned = tree_of(prescanned(html));
    if (strcmp(page, scanned) != 0)
        ck_abort_msg("trees differ for \"%s\" (pre-scanned \"%s\"):\n%s\n%s", html,
                     prescanned(html), page, scanned);
    free(page);
    free(scanned);
}

START_TEST(references_are_written_as_characters)
{
    ck_assert_str_eq(prescanned("<p>&eacute;t&eacute; &mdash; &#8217;&#x1F600;&nbsp;</p>"),
                     "<p>\xC3\xA9t\xC3\xA9 \xE2\x80\x94 \xE2\x80\x99\xF0\x9F\x98\x80\xC2\xA0</p>");
    ck_assert_str_eq(prescanned("<p title=\"&copy;&gt;&apos;\" alt='&quot;'>x</p>"),
                     "<p title=\"\xC2\xA9>'\" alt='\"'>x</p>");
    /* '&' and '<' only where nothing could start after them */
    ck_assert_str_eq(prescanned("<p>&amp; &lt; &amp;&lt;&gt;</p>"), "<p>& < &<></p>");
    ck_assert_str_eq(prescanned("<p title=\"&lt;b\">x</p>"), "<p title=\"<b\">x</p>");
    /* letters and digits where nothing before them could take them in */
    ck_assert_str_eq(prescanned("<p title='&#x41;&#66;'>x&#65; &quot;&#x41;&#66;</p>"),
                     "<p title='AB'>xA \"AB</p>");
    /* but not after what they could carry on */
    ck_assert_str_eq(prescanned("<p>&lt;&#98;> &amp;&#x41;</p>"), "<p><&#98;> &&#x41;</p>");
}
END_TEST

START_TEST(references_that_stay)
{
    static const char *const kept[] = {
        "<p>&amp;b &amp;1 &amp;# &lt;b &lt;/p> &lt;! &lt;?</p>",
        "<p>&#0; &#150; &#xD800; &#x110000; &#xFFFE; &#xFDD0; &#12345678901;</p>",
        "<p>&#65 &eacute &notanentity; &Eacute &AMP; &semi; &#59; &#x26;#</p>",
        "<p title=\"&quot;\" alt='&apos;'>x</p>",
        "<textarea>&eacute;</textarea><title>&eacute;</title><xmp>&eacute;</xmp><math><mi>&eacute;</mi></math>",
        "<p>&eacute<b>&eacute</b>&</p>",
        "<p>&not&#105;n &#&#49; </&#x70;> x&#x3B;</p>",
        "<p>&amp;</p><p>&lt;</p><p>&amp;<b>x</b>&lt;<b>x</b></p>",
    };
    for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++)
        ck_assert_str_eq(prescanned(kept[i]), kept[i]);
}
END_TEST

START_TEST(every_name_reads_the_same)
{
    size_t count = 0;
    for (const char *n = names; *n;) {
        size_t len = strcspn(n, " ");
        char html[256];
        snprintf(html, sizeof html, "<p title=\"&%.*s;\" alt='x&%.*s;y'>a&%.*s;b &%.*s;&%.*s;</p>",
                 (int)len, n, (int)len, n, (int)len, n, (int)len, n, (int)len, n);
        reads_the_same(html);
        /* each is written as its character somewhere, or the test tests nothing */
        ck_assert_msg(strcmp(prescanned(html), html) != 0, "&%.*s; is left as written", (int)len, n);
        n += len + (n[len] == ' ');
        count++;
    }
    ck_assert_uint_eq(count, 253);
}
END_TEST

/* Numbers, decimal and hexadecimal, over the first pages of Unicode and a
 * sample of the rest (past U+10FFFF too), in text and in a value. */
START_TEST(numbers_read_the_same)
{
    text page = {0};
    unsigned in_page = 0;
    for (unsigned long cp = 0; cp <= 0x110100; cp += cp < 0x3000 ? 1 : cp < 0x10000 ? 7 : 251) {
        char item[96];
        snprintf(item, sizeof item, "<p title=\"&#%lu;\">&#%lu;|&#x%lX;|&#X%06lx;</p>", cp, cp, cp, cp);
        add_str(&page, item);
        if (++in_page == 512) {
            reads_the_same(page.s);
            page.len = 0;
            in_page = 0;
        }
    }
    if (page.len)
        reads_the_same(page.s);
    free(page.s);
}
END_TEST

/* Every sequence of three of these, in text and in values quoted either
 * way or not at all: references written as characters must not join or
 * part what is next to them. */
static const char *const pieces[] = {
    "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#x41;", "&#98;", "&eacute;", "&nbsp;",
    "&#0;", "&#150;", "&not", "&no", "&", "&#", "&#x", "&#65", "a", "1", "#", ";", "=", "<",
    "/", "!", "?", "-", " ", "\"", "'", ">", "in;", "&notin;",
};

START_TEST(neighbours_read_the_same)
{
    static const char *const frames[][2] = {
        /* text framed by letters: text that is only white space is cut */
        {"<p>[", "]</p>"}, {"<p title=\"", "\">x</p>"}, {"<p title='", "'>x</p>"},
        {"<p title=", ">x</p>"},
    };
    const size_t n = sizeof pieces / sizeof pieces[0];
    for (size_t f = 0; f < sizeof frames / sizeof frames[0]; f++)
        for (size_t a = 0; a < n; a++)
            for (size_t b = 0; b < n; b++)
                for (size_t c = 0; c < n; c++) {
                    char html[128];
                    snprintf(html, sizeof html, "%s%s%s%s%s", frames[f][0], pieces[a], pieces[b],
                             pieces[c], frames[f][1]);
                    reads_the_same(html);
                }
}
END_TEST

static Suite *charref_suite(void)
{
    Suite *s = suite_create("charref");
    TCase *tc = tcase_create("charref");
    tcase_add_checked_fixture(tc, NULL, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, references_are_written_as_characters);
    tcase_add_test(tc, references_that_stay);
    tcase_add_test(tc, every_name_reads_the_same);
    tcase_add_test(tc, numbers_read_the_same);
    tcase_add_test(tc, neighbours_read_the_same);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(charref_suite)
