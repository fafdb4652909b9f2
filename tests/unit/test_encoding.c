/*
 * test_encoding.c — encoding sniffing, conversion to UTF-8 and binary
 * detection. Encoded byte strings were produced with iconv(1) from the
 * UTF-8 text next to them.
 */
#include "encoding.h"
#include "testutil.h"

#include <iconv.h>
#include <uninorm.h>
#include <unistr.h>

static char *decoded;          /* output of the last to_utf8() */
static const char *detected;   /* encoding name reported for it */

static void teardown(void)
{
    free(decoded);
    decoded = NULL;
    detected = NULL;
}

/* Convert and check the invariants every result must satisfy. */
static const char *to_utf8(const char *bytes, size_t len, const char *forced)
{
    size_t out_len = 0;
    free(decoded);
    decoded = NULL;
    ck_assert_int_eq(encoding_to_utf8(bytes, len, forced, &decoded, &out_len, &detected), 0);
    ck_assert_ptr_nonnull(decoded);
    ck_assert_uint_eq(strlen(decoded), out_len);   /* no NUL inside */
    ck_assert_ptr_null(u8_check((const uint8_t *)decoded, out_len));
    return decoded;
}

#define TO_UTF8(lit, forced) to_utf8(lit, sizeof lit - 1, forced)


/* --- detection from the bytes (no BOM, no meta) -------------------- */

/* Two sentences of real news-style text per language, and the encoding
 * sites in that language used before UTF-8 (iconv name, and the name the
 * Encoding Standard gives it). */
static const struct {
    const char *iconv_name;
    const char *expected;
    const char *text;
} legacy_samples[] = {
    {"CP1251", "windows-1251", "Вчера вечером в городе прошёл сильный дождь, и многие улицы оказались затоплены. Жители жалуются, что городские службы не успели очистить ливневую канализацию до начала осени."},
    {"KOI8-R", "KOI8-R", "Вчера вечером в городе прошёл сильный дождь, и многие улицы оказались затоплены. Жители жалуются, что городские службы не успели очистить ливневую канализацию до начала осени."},
    {"SHIFT_JIS", "Shift_JIS", "昨日の夜、市内では激しい雨が降り、多くの道路が冠水しました。住民は、市の担当部署が秋の始まりまでに排水溝を掃除しなかったと不満を述べています。"},
    {"EUC-JP", "EUC-JP", "昨日の夜、市内では激しい雨が降り、多くの道路が冠水しました。住民は、市の担当部署が秋の始まりまでに排水溝を掃除しなかったと不満を述べています。"},
    {"GBK", NULL, "昨天晚上，城市里下了一场大雨，许多街道被淹没。居民们抱怨说，市政部门没有在秋天开始之前清理排水沟。"},
    {"BIG5", "Big5", "昨天晚上，城市裡下了一場大雨，許多街道被淹沒。居民們抱怨說，市政部門沒有在秋天開始之前清理排水溝。"},
    {"EUC-KR", "EUC-KR", "어젯밤 도시에 폭우가 내려 많은 도로가 침수되었습니다. 주민들은 시 당국이 가을이 시작되기 전에 배수로를 청소하지 않았다고 불평하고 있습니다."},
    {"ISO-8859-7", "ISO-8859-7", "Χθες το βράδυ έπεσε δυνατή βροχή στην πόλη και πολλοί δρόμοι πλημμύρισαν. Οι κάτοικοι παραπονιούνται ότι οι δημοτικές υπηρεσίες δεν καθάρισαν τους υπονόμους πριν από το φθινόπωρο."},
    {"CP1255", "windows-1255", "אתמול בערב ירד גשם חזק בעיר ורחובות רבים הוצפו. התושבים מתלוננים שהעירייה לא ניקתה את הביוב לפני תחילת הסתיו."},
    {"CP1250", "windows-1250", "Wczoraj wieczorem w mieście padał ulewny deszcz i wiele ulic zostało zalanych. Mieszkańcy skarżą się, że służby miejskie nie zdążyły oczyścić kanalizacji przed początkiem jesieni."},
    {"CP1256", "windows-1256", "هطلت أمطار غزيرة على المدينة مساء أمس وغمرت المياه العديد من الشوارع. ويشكو السكان من أن البلدية لم تنظف المجاري قبل بداية الخريف."},
    {"TIS-620", "windows-874", "เมื่อคืนนี้ฝนตกหนักในเมือง ทำให้ถนนหลายสายถูกน้ำท่วม ชาวบ้านบ่นว่าเทศบาลไม่ได้ทำความสะอาดท่อระบายน้ำก่อนฤดูใบไม้ร่วง"},
    {"CP1252", "windows-1252", "L'été dernier, la pluie est tombée sans arrêt sur la côte et les cafés du bord de mer ont fermé plus tôt que prévu. Les habitués se sont réfugiés à l'intérieur."},
};

/* A page around the text, converted to `to` (NULL: left UTF-8), with a
 * <meta charset> naming `meta` when given. */
static char *legacy_page(const char *text, const char *to, const char *meta, size_t *len)
{
    char page[4096];
    int n = snprintf(page, sizeof page,
                     "<!DOCTYPE html><html><head>%s%s%s<title>Rain</title></head><body>"
                     "<article><h1>Rain</h1><p>%s</p><p>%s</p></article></body></html>",
                     meta ? "<meta charset=\"" : "", meta ? meta : "", meta ? "\">" : "", text, text);
    ck_assert_int_lt(n, (int)sizeof page);
    if (!to) {
        *len = (size_t)n;
        return strdup(page);
    }
    iconv_t cd = iconv_open(to, "UTF-8");
    ck_assert(cd != (iconv_t)-1);
    size_t cap = (size_t)n * 2 + 16, left = cap, in_left = (size_t)n;
    char *out = malloc(cap), *in = page, *o = out;
    ck_assert_uint_ne(iconv(cd, &in, &in_left, &o, &left), (size_t)-1);
    iconv_close(cd);
    *len = cap - left;
    return out;
}

START_TEST(legacy_text_without_meta_is_detected)
{
    const char *text = legacy_samples[_i].text;
    size_t len;
    char *bytes = legacy_page(text, legacy_samples[_i].iconv_name, NULL, &len);
    ck_assert_ptr_nonnull(strstr(to_utf8(bytes, len, NULL), text));
    if (legacy_samples[_i].expected)
        ck_assert_str_eq(detected, legacy_samples[_i].expected);
    else   /* GBK text: either name decodes it (GB18030 is its superset) */
        ck_assert(strcmp(detected, "GBK") == 0 || strcmp(detected, "gb18030") == 0);
    free(bytes);
}
END_TEST

START_TEST(legacy_text_with_meta_follows_the_meta)
{
    const char *text = legacy_samples[_i].text;
    size_t len;
    char *bytes = legacy_page(text, legacy_samples[_i].iconv_name,
                              legacy_samples[_i].expected ? legacy_samples[_i].expected : "gbk",
                              &len);
    ck_assert_ptr_nonnull(strstr(to_utf8(bytes, len, NULL), text));
    free(bytes);
}
END_TEST

START_TEST(utf8_text_stays_utf8)
{
    const char *text = legacy_samples[_i].text;
    size_t len;
    char *bytes = legacy_page(text, NULL, NULL, &len);
    ck_assert_ptr_nonnull(strstr(to_utf8(bytes, len, NULL), text));
    ck_assert_str_eq(detected, "UTF-8");
    free(bytes);
    /* and a stale legacy meta does not turn UTF-8 text into mojibake */
    bytes = legacy_page(text, NULL, "windows-1251", &len);
    ck_assert_ptr_nonnull(strstr(to_utf8(bytes, len, NULL), text));
    free(bytes);
}
END_TEST

/* --- sniffing fallbacks ------------------------------------------- */

START_TEST(plain_utf8_is_utf8)
{
    ck_assert_str_eq(TO_UTF8("<p>Caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac</p>", NULL),
                     "<p>Caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac</p>");
    ck_assert_str_eq(detected, "UTF-8");
}
END_TEST

START_TEST(invalid_utf8_without_meta_is_windows_1252)
{
    /* "Café “quoted” – naïve €5" */
    TO_UTF8("Caf\xe9 \x93quoted\x94 \x96 na\xefve \x80" "5", NULL);
    ck_assert_str_eq(detected, "windows-1252");
    ck_assert_str_eq(decoded, "Café “quoted” – naïve €5");
}
END_TEST

START_TEST(empty_input)
{
    ck_assert_str_eq(to_utf8("", 0, NULL), "");
    ck_assert_str_eq(detected, "UTF-8");
    ck_assert_str_eq(to_utf8(NULL, 0, NULL), "");
}
END_TEST

/* --- byte order marks --------------------------------------------- */

START_TEST(utf8_bom_is_stripped)
{
    ck_assert_str_eq(TO_UTF8("\xef\xbb\xbf<p>Gr\xc3\xbc\xc3\x9f" "e</p>", NULL), "<p>Grüße</p>");
    ck_assert_str_eq(detected, "UTF-8");
}
END_TEST

START_TEST(utf8_bom_beats_meta)
{
    TO_UTF8("\xef\xbb\xbf<meta charset=iso-8859-2><p>\xc5\xbd</p>", NULL);
    ck_assert_str_eq(detected, "UTF-8");
    ck_assert_str_eq(decoded, "<meta charset=iso-8859-2><p>Ž</p>");
}
END_TEST

START_TEST(utf16le_with_bom)
{
    /* BOM + "<p>Grüße 日本</p>" */
    TO_UTF8("\xff\xfe\x3c\x00\x70\x00\x3e\x00\x47\x00\x72\x00\xfc\x00\xdf\x00\x65\x00"
            "\x20\x00\xe5\x65\x2c\x67\x3c\x00\x2f\x00\x70\x00\x3e\x00", NULL);
    ck_assert_str_eq(detected, "UTF-16LE");
    ck_assert_str_eq(decoded, "<p>Grüße 日本</p>");
}
END_TEST

START_TEST(utf16be_with_bom)
{
    TO_UTF8("\xfe\xff\x00\x3c\x00\x70\x00\x3e\x00\x47\x00\x72\x00\xfc\x00\xdf\x00\x65"
            "\x00\x20\x65\xe5\x67\x2c\x00\x3c\x00\x2f\x00\x70\x00\x3e", NULL);
    ck_assert_str_eq(detected, "UTF-16BE");
    ck_assert_str_eq(decoded, "<p>Grüße 日本</p>");
}
END_TEST

START_TEST(utf16_lone_surrogate_and_odd_byte_replaced)
{
    /* "a", lone high surrogate D800, "b", then one stray byte */
    TO_UTF8("\xff\xfe\x61\x00\x00\xd8\x62\x00\x63", NULL);
    ck_assert_str_eq(decoded, "a\xef\xbf\xbd" "b\xef\xbf\xbd");
}
END_TEST

/* --- <meta> prescan ----------------------------------------------- */

START_TEST(meta_charset_iso_8859_2)
{
    /* "Žluťoučký kůň úpěl" */
    TO_UTF8("<html><head><meta charset=\"ISO-8859-2\"></head><p>"
            "\xae\x6c\x75\xbb\x6f\x75\xe8\x6b\xfd\x20\x6b\xf9\xf2\x20\xfa\x70\xec\x6c</p>", NULL);
    ck_assert_str_eq(detected, "ISO-8859-2");
    ck_assert_ptr_nonnull(strstr(decoded, "<p>Žluťoučký kůň úpěl</p>"));
}
END_TEST

START_TEST(meta_charset_shift_jis_label)
{
    /* "日本語のテキスト" */
    TO_UTF8("<meta charset='x-sjis'><p>\x93\xfa\x96\x7b\x8c\xea\x82\xcc\x83\x65\x83\x4c"
            "\x83\x58\x83\x67</p>", NULL);
    ck_assert_str_eq(detected, "Shift_JIS");
    ck_assert_str_eq(decoded, "<meta charset='x-sjis'><p>日本語のテキスト</p>");
}
END_TEST

START_TEST(meta_gb2312_decodes_as_gbk)
{
    /* "中文网页" */
    TO_UTF8("<META CHARSET=gb2312><p>\xd6\xd0\xce\xc4\xcd\xf8\xd2\xb3</p>", NULL);
    ck_assert_str_eq(detected, "GBK");
    ck_assert_ptr_nonnull(strstr(decoded, "<p>中文网页</p>"));
}
END_TEST

START_TEST(http_equiv_content_type)
{
    /* "Привет" in KOI8-R; attributes in the other order, mixed case,
     * a '>' inside an earlier quoted attribute value of another tag. */
    TO_UTF8("<link title='a>b' href=x>"
            "<meta content=\"text/html; Charset=KOI8-R\" HTTP-EQUIV=\"Content-Type\">"
            "<p>\xf0\xd2\xc9\xd7\xc5\xd4</p>", NULL);
    ck_assert_str_eq(detected, "KOI8-R");
    ck_assert_ptr_nonnull(strstr(decoded, "<p>Привет</p>"));
}
END_TEST

START_TEST(content_without_http_equiv_is_ignored)
{
    TO_UTF8("<meta name=x content=\"text/html; charset=koi8-r\"><p>\xe9</p>", NULL);
    ck_assert_str_eq(detected, "windows-1252");
}
END_TEST

START_TEST(meta_in_comment_is_ignored)
{
    TO_UTF8("<!-- <meta charset=koi8-r> --><meta charset=latin2><p>\xae</p>", NULL);
    ck_assert_str_eq(detected, "ISO-8859-2");
    ck_assert_ptr_nonnull(strstr(decoded, "<p>Ž</p>"));
}
END_TEST

START_TEST(meta_latin1_means_windows_1252)
{
    TO_UTF8("<meta charset=latin1><p>\x80</p>", NULL);
    ck_assert_str_eq(detected, "windows-1252");
    ck_assert_ptr_nonnull(strstr(decoded, "<p>€</p>"));
}
END_TEST

/* A re-encoded page keeps its old <meta>: valid multi-byte UTF-8 wins. */
START_TEST(valid_utf8_beats_stale_meta)
{
    TO_UTF8("<meta charset=gb2312><p>\xe4\xb8\xad\xe6\x96\x87</p>", NULL);
    ck_assert_str_eq(detected, "UTF-8");
    ck_assert_ptr_nonnull(strstr(decoded, "<p>中文</p>"));
}
END_TEST

START_TEST(meta_utf16_means_utf8)
{
    TO_UTF8("<meta charset=utf-16><p>\xc3\xa9</p>", NULL);
    ck_assert_str_eq(detected, "UTF-8");
    ck_assert_ptr_nonnull(strstr(decoded, "<p>é</p>"));
}
END_TEST

START_TEST(meta_after_1024_bytes_is_ignored)
{
    char page[1200];
    memset(page, ' ', sizeof page);
    const char tail[] = "<meta charset=koi8-r>\xf0";
    memcpy(page + sizeof page - sizeof tail, tail, sizeof tail);
    to_utf8(page, sizeof page - 1, NULL);
    ck_assert_str_eq(detected, "windows-1252");
}
END_TEST

START_TEST(unknown_meta_label_falls_through)
{
    TO_UTF8("<meta charset=klingon><p>\xc3\xa9</p>", NULL);
    ck_assert_str_eq(detected, "UTF-8");
}
END_TEST

START_TEST(replacement_encodings_decode_to_one_fffd)
{
    TO_UTF8("<meta charset=iso-2022-kr><script>alert(1)</script>", NULL);
    ck_assert_str_eq(detected, "replacement");
    ck_assert_str_eq(decoded, "\xef\xbf\xbd");
}
END_TEST

/* --- forced encodings --------------------------------------------- */

START_TEST(forced_overrides_meta)
{
    TO_UTF8("<meta charset=utf-8><p>\xae</p>", " Latin2 ");
    ck_assert_str_eq(detected, "ISO-8859-2");
    ck_assert_ptr_nonnull(strstr(decoded, "<p>Ž</p>"));
}
END_TEST

START_TEST(forced_unknown_is_an_error)
{
    char *out = (char *)1;
    size_t out_len = 7;
    const char *name = NULL;
    ck_assert_int_eq(encoding_to_utf8("abc", 3, "no-such-charset", &out, &out_len, &name), -1);
    ck_assert_ptr_null(out);
}
END_TEST

/* --- cleaning ------------------------------------------------------ */

START_TEST(invalid_utf8_replaced)
{
    /* valid é, then a truncated sequence, an overlong '/', a surrogate,
     * then a valid 日: the page stays UTF-8 because of its meta. */
    TO_UTF8("<meta charset=utf-8>\xc3\xa9|\xe6\x97|\xc0\xaf|\xed\xa0\x80|\xe6\x97\xa5", NULL);
    ck_assert_str_eq(detected, "UTF-8");
    ck_assert_ptr_nonnull(strstr(decoded, "é|\xef\xbf\xbd|"));
    ck_assert_ptr_nonnull(strstr(decoded, "|日"));
    ck_assert_ptr_null(strstr(decoded, "\xc0"));
}
END_TEST

START_TEST(nul_replaced)
{
    static const char page[] = "<p>a\0b</p>";
    ck_assert_str_eq(to_utf8(page, sizeof page - 1, "utf-8"), "<p>a\xef\xbf\xbd" "b</p>");
}
END_TEST

START_TEST(output_is_nfc)
{
    /* "e" + COMBINING ACUTE becomes the precomposed é */
    ck_assert_str_eq(TO_UTF8("caf" "e\xcc\x81", NULL), "caf\xc3\xa9");
}
END_TEST

START_TEST(nfc_skip_is_safe_for_every_code_point)
{
    /* Normalisation is skipped when no code point looks NFC-unstable.
     * Check that decision against u8_normalize for every code point after
     * starters it might compose with: a letter, a Hangul leading jamo, and
     * an Oriya vowel sign (composes with a following ccc=0 vowel sign). */
    static const ucs4_t starters[] = {'a', 0x1100, 0x0B47};
    /* Plain loops: a ck_assert per code point would be the slow part. */
    unsigned misses = 0;
    ucs4_t first_miss = 0;
    for (size_t s = 0; s < sizeof starters / sizeof starters[0]; s++) {
        for (ucs4_t c = 1; c < 0x110000; c++) {
            if (c >= 0xD800 && c < 0xE000)
                continue;
            uint8_t in[8];
            int n = u8_uctomb(in, starters[s], 4);
            n += u8_uctomb(in + n, c, 4);
            size_t normal_len = 0, out_len = 0;
            char *out = NULL;
            const char *name = NULL;
            uint8_t *normal = u8_normalize(UNINORM_NFC, in, (size_t)n, NULL, &normal_len);
            int rc = encoding_to_utf8((const char *)in, (size_t)n, "utf-8", &out, &out_len, &name);
            if (rc != 0 || !normal || out_len != normal_len || memcmp(out, normal, out_len))
                first_miss = misses++ ? first_miss : c;
            free(normal);
            free(out);
        }
    }
    ck_assert_msg(misses == 0, "%u code points not normalised, first U+%04X", misses,
                  (unsigned)first_miss);
}
END_TEST

/* Stretch-by-stretch normalisation must give what normalising the whole
 * text gives: pieces that compose, reorder, decompose (singletons) or
 * change nothing, joined with and without ASCII between them, long and
 * short gaps, at the start and the end of the text. */
START_TEST(nfc_by_stretches_matches_whole_text)
{
    static const char *const pieces[] = {
        "e", "\xcc\x81",            /* e, COMBINING ACUTE: composes */
        "\xcc\xa3", "\xcc\x87",     /* dot below, dot above: reorder */
        "\xe2\x84\xab",             /* ANGSTROM SIGN: a singleton */
        "\xe2\x9d\xa4\xef\xb8\x8f", /* heart + VS16: unstable, unchanged */
        "\xe1\x84\x80", "\xe1\x85\xa1", /* Hangul L + V jamo: compose */
        "\xe0\xad\x87", "\xe0\xac\xbe", /* Oriya vowel signs: compose */
        "\xc3\xa9", "\xe6\x97\xa5",    /* stable non-ASCII */
        " ", "<p>", "x",
    };
    static char text[4096];
    uint32_t seed = 12345;
    unsigned misses = 0;
    for (int round = 0; round < 3000; round++) {
        size_t len = 0;
        int gap = round % 3 == 0 ? 300 : 0;   /* some rounds: stretches far apart */
        while (len < 600) {
            seed = seed * 1103515245u + 12345u;
            const char *p = pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])];
            size_t n = strlen(p);
            if ((seed >> 8) % 7 == 0)
                for (int k = 0; k < gap && len < sizeof text - 16; k++)
                    text[len++] = 'a';
            memcpy(text + len, p, n);
            len += n;
        }
        char *out = NULL;
        size_t out_len = 0, normal_len = 0;
        const char *name = NULL;
        uint8_t *normal = u8_normalize(UNINORM_NFC, (const uint8_t *)text, len, NULL, &normal_len);
        int rc = encoding_to_utf8(text, len, "utf-8", &out, &out_len, &name);
        misses += rc != 0 || !normal || out_len != normal_len || memcmp(out, normal, out_len);
        free(normal);
        free(out);
    }
    ck_assert_uint_eq(misses, 0);
}
END_TEST

/* --- binary detection ---------------------------------------------- */

START_TEST(png_is_binary)
{
    static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    ck_assert(encoding_looks_binary(png, sizeof png - 1));
}
END_TEST

START_TEST(elf_is_binary)
{
    static const char elf[] = "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0";
    ck_assert(encoding_looks_binary(elf, sizeof elf - 1));
}
END_TEST

START_TEST(random_bytes_are_binary)
{
    unsigned char noise[4096];
    uint32_t x = 2463534242u;   /* xorshift32: fixed, reproducible noise */
    for (size_t i = 0; i < sizeof noise; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        noise[i] = (unsigned char)x;
    }
    noise[0] = 'x';   /* no accidental magic number */
    ck_assert(encoding_looks_binary((const char *)noise, sizeof noise));
}
END_TEST

START_TEST(html_is_not_binary)
{
    static const char page[] = "<!doctype html>\r\n<html><head><title>T</title></head>\n"
                               "<body>\t<p>Caf\xe9 \x93ok\x94</p></body></html>\n";
    ck_assert(!encoding_looks_binary(page, sizeof page - 1));
    ck_assert(!encoding_looks_binary("", 0));
}
END_TEST

START_TEST(utf16_with_bom_is_not_binary)
{
    static const char page[] = "\xff\xfe<\0p\0>\0h\0i\0<\0/\0p\0>\0";
    ck_assert(!encoding_looks_binary(page, sizeof page - 1));
}
END_TEST

START_TEST(nul_in_plain_text_is_binary)
{
    static const char page[] = "<p>hello\0world</p>";
    ck_assert(encoding_looks_binary(page, sizeof page - 1));
}
END_TEST

START_TEST(corpus_pages_are_not_binary)
{
    const char *shared = tu_env("RM_SHARED", NULL);
    char path[4096];
    if (!shared) {
        fprintf(stderr, "corpus_pages_are_not_binary: SKIPPED, RM_SHARED not set\n");
        return;
    }
    snprintf(path, sizeof path, "%s/corpus/readability/001/source.html", shared);
    size_t len = 0;
    char *page = tu_read_file(path, &len);
    if (!page) {
        fprintf(stderr, "corpus_pages_are_not_binary: SKIPPED, %s not found\n", path);
        return;
    }
    ck_assert(!encoding_looks_binary(page, len));
    free(page);
}
END_TEST

/* --- the view: no copy of text that needs no change ----------------- */

/* Markup already in UTF-8 (the usual page) is used where it lies. */
START_TEST(view_borrows_text_needing_no_change)
{
    static const char page[] = "<p>caf\xC3\xA9 na\xC3\xAFve \xE2\x80\x94 \xE6\x97\xA5\xE6\x9C\xAC</p>";
    const char *text, *name;
    char *owned = (char *)page;
    size_t len = 0;
    ck_assert_int_eq(encoding_view_utf8(page, sizeof page - 1, NULL, &text, &len, &owned, &name), 0);
    ck_assert_ptr_null(owned);
    ck_assert_ptr_eq(text, page);
    ck_assert_uint_eq(len, sizeof page - 1);
    ck_assert_str_eq(name, "UTF-8");
}
END_TEST

START_TEST(view_skips_bom_without_copy)
{
    static const char page[] = "\xEF\xBB\xBF<p>hello</p>";
    const char *text, *name;
    char *owned;
    size_t len = 0;
    ck_assert_int_eq(encoding_view_utf8(page, sizeof page - 1, NULL, &text, &len, &owned, &name), 0);
    ck_assert_ptr_null(owned);
    ck_assert_ptr_eq(text, page + 3);
    ck_assert_uint_eq(len, sizeof page - 4);
}
END_TEST

/* Legacy bytes, a NUL, invalid UTF-8 and text not in NFC are copied as
 * they change, NUL-terminated, and the copy is the caller's to free. */
START_TEST(view_copies_what_changes)
{
    static const struct {
        const char *bytes;
        size_t len;
        const char *forced;
        const char *want;
    } cases[] = {
        {"caf\xE9", 4, "windows-1252", "caf\xC3\xA9"},
        {"a\0b", 3, NULL, "a\xEF\xBF\xBD" "b"},
        {"a\xFF" "b", 3, "utf-8", "a\xEF\xBF\xBD" "b"},
        {"cafe\xCC\x81", 6, NULL, "caf\xC3\xA9"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *text, *name;
        char *owned = NULL;
        size_t len = 0;
        ck_assert_int_eq(encoding_view_utf8(cases[i].bytes, cases[i].len, cases[i].forced, &text,
                                            &len, &owned, &name), 0);
        ck_assert_ptr_nonnull(owned);
        ck_assert_ptr_eq(text, owned);
        ck_assert_uint_eq(len, strlen(cases[i].want));
        ck_assert_str_eq(owned, cases[i].want);
        free(owned);
    }
}
END_TEST

/* Plain ASCII is recognised eight bytes at a time: a NUL or a non-ASCII
 * character in any byte of a word, or in the bytes after the last whole
 * word, is still seen (NUL replaced, UTF-8 borrowed), and text with
 * neither is borrowed. */
START_TEST(view_finds_nul_and_non_ascii_at_every_offset)
{
    char page[48];
    for (size_t len = 1; len + 1 < sizeof page; len++) {
        for (size_t at = 0; at <= len; at++) {
            memset(page, 'a', sizeof page);
            const char *text, *name;
            char *owned = NULL;
            size_t got = 0;
            if (at == len) {   /* neither */
                ck_assert_int_eq(encoding_view_utf8(page, len, NULL, &text, &got, &owned, &name), 0);
                ck_assert_ptr_null(owned);
                ck_assert_ptr_eq(text, page);
                continue;
            }
            page[at] = '\0';
            ck_assert_int_eq(encoding_view_utf8(page, len, NULL, &text, &got, &owned, &name), 0);
            ck_assert_ptr_nonnull(owned);
            ck_assert_uint_eq(got, len + 2);
            ck_assert_int_eq(memcmp(owned + at, "\xEF\xBF\xBD", 3), 0);
            free(owned);
            owned = NULL;
            memcpy(page + at, "\xC3\xA9", 2);   /* é: valid UTF-8, one byte longer */
            ck_assert_int_eq(encoding_view_utf8(page, len + 1, NULL, &text, &got, &owned, &name), 0);
            ck_assert_ptr_null(owned);
            ck_assert_ptr_eq(text, page);
            ck_assert_str_eq(name, "UTF-8");
        }
    }
}
END_TEST

/* --- checking alongside the pre-scan ------------------------------- */

/* The verdict of a whole-text check: valid UTF-8 without NUL. */
static bool valid_text(const char *bytes, size_t len)
{
    return !memchr(bytes, 0, len) && !u8_check((const uint8_t *)bytes, len);
}

#define BYTES(lit) {lit, sizeof lit - 1}

/* Checked in two pieces cut anywhere (inside a character too), or in
 * pieces of every size, bytes get the verdict of a check of the whole. */
START_TEST(check_in_pieces_agrees_with_the_whole)
{
    static const struct {
        const char *bytes;
        size_t len;
    } cases[] = {
        BYTES("<p>plain ASCII text, long enough for whole words</p>"),
        BYTES("caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80 \xE6\x97\xA5\xE6\x9C\xAC end"),
        BYTES("\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80"),   /* no ASCII at all */
        BYTES("a\0b plain but for a NUL"),
        BYTES("bad \xFF byte"),
        BYTES("truncated \xE2\x80"),
        BYTES("continuations \xF0\x9F\x98\x80\x80 x"),      /* one too many */
        BYTES("lone \x80\x80\x80\x80\x80 run"),
        BYTES("overlong \xC0\xAF and surrogate \xED\xA0\x80"),
        BYTES("not NFC: cafe\xCC\x81, \xE2\x84\xAB"),   /* combining acute, Angstrom sign */
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const char *b = cases[k].bytes;
        size_t len = cases[k].len;
        bool want = valid_text(b, len);
        bool non_ascii = false;
        for (size_t i = 0; i < len; i++)
            non_ascii |= (unsigned char)b[i] >= 0x80;
        for (size_t cut = 0; cut <= len; cut++) {
            encoding_check c = {0};
            bool ok = encoding_check_through(&c, b, cut, len) && encoding_check_through(&c, b, len, len);
            ck_assert_msg(ok == want, "case %zu cut at %zu", k, cut);
            ck_assert_msg(c.invalid == !want, "case %zu cut at %zu", k, cut);
            if (want) {
                ck_assert_uint_eq(c.checked, len);
                ck_assert(c.non_ascii == non_ascii);
                /* text NFC changes is flagged (the normaliser then runs) */
                size_t nfc_len = 0;
                uint8_t *nfc = u8_normalize(UNINORM_NFC, (const uint8_t *)b, len, NULL, &nfc_len);
                ck_assert_ptr_nonnull(nfc);
                if (nfc_len != len || memcmp(nfc, b, len))
                    ck_assert_msg(c.unstable, "case %zu cut at %zu", k, cut);
                free(nfc);
            }
        }
        for (size_t step = 1; step <= len; step++) {
            encoding_check c = {0};
            bool ok = true;
            for (size_t to = step; ok && to < len + step; to += step)
                ok = encoding_check_through(&c, b, to < len ? to : len, len);
            ck_assert_msg(ok == want, "case %zu in pieces of %zu", k, step);
        }
    }
}
END_TEST

/* Bytes checked to the end are the text exactly when the view would
 * borrow or copy them unchanged; text not in NFC comes back normalised;
 * plain ASCII that a <meta> gives a stateful or replacement encoding,
 * invalid bytes and NUL are left to the decoder. */
START_TEST(checked_text_is_what_decoding_gives)
{
    static const struct {
        const char *bytes;
        int rc;   /* 0: the bytes (or their NFC) are the text; 1: decode */
    } cases[] = {
        {"<p>plain ASCII</p>", 0},
        {"<meta charset=iso-8859-1><p>plain ASCII</p>", 0},
        {"<meta charset=koi8-r><p>plain ASCII</p>", 0},
        {"<meta charset=shift_jis><p>plain ASCII</p>", 0},
        {"<meta charset=utf-16><p>plain ASCII</p>", 0},
        {"<meta charset=iso-2022-jp><p>\x1B$B$3$s\x1B(B</p>", 1},
        {"<meta charset=iso-2022-kr><p>plain ASCII</p>", 1},
        {"<meta charset=windows-1252><p>caf\xC3\xA9</p>", 0},   /* valid UTF-8 beats a stale meta */
        {"<p>cafe\xCC\x81</p>", 0},                               /* NFC: normalised */
        {"<p>caf\xE9</p>", 1},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const char *b = cases[k].bytes;
        size_t len = strlen(b);
        ck_assert(encoding_check_applies(b, len, NULL));
        encoding_check c = {0};
        encoding_check_through(&c, b, len, len);
        char *owned = NULL;
        size_t owned_len = 0;
        int rc = encoding_checked_text(b, len, &c, &owned, &owned_len);
        ck_assert_msg(rc == cases[k].rc, "case %zu: %d", k, rc);
        const char *want = to_utf8(b, len, NULL);
        if (rc == 0 && owned) {
            ck_assert_uint_eq(owned_len, strlen(owned));
            ck_assert_str_eq(owned, want);
        } else if (rc == 0) {
            ck_assert_uint_eq(strlen(want), len);
            ck_assert_int_eq(memcmp(want, b, len), 0);
        }
        free(owned);
    }
    /* text without a code point NFC might change is not normalised */
    static const char stable[] = "caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xEA\xB0\x80";
    encoding_check sc = {0};
    ck_assert(encoding_check_through(&sc, stable, sizeof stable - 1, sizeof stable - 1));
    ck_assert(sc.non_ascii && !sc.unstable);
    /* a check that stopped, or did not reach the end, decides nothing */
    encoding_check part = {.checked = 3};
    char *owned = NULL;
    size_t owned_len;
    ck_assert_int_eq(encoding_checked_text("abcdef", 6, &part, &owned, &owned_len), 1);
    /* a forced encoding or a byte order mark: decode first */
    ck_assert(!encoding_check_applies("abc", 3, "utf-8"));
    ck_assert(!encoding_check_applies("\xEF\xBB\xBF" "abc", 6, NULL));
    ck_assert(!encoding_check_applies("\xFF\xFE" "a\0", 4, NULL));
}
END_TEST

/* Every label of an encoding that plain ASCII is taken to decode to
 * itself does so through the decoder (the labels of the Encoding
 * Standard, one or more per encoding). */
START_TEST(ascii_decodes_to_itself_where_taken_so)
{
    static const char *const labels[] = {
        "utf-8", "windows-1252", "ibm866", "iso-8859-2", "iso-8859-3", "iso-8859-4",
        "iso-8859-5", "iso-8859-6", "iso-8859-7", "iso-8859-8", "iso-8859-8-i", "iso-8859-10",
        "iso-8859-13", "iso-8859-14", "iso-8859-15", "iso-8859-16", "koi8-r", "koi8-u",
        "macintosh", "windows-874", "windows-1250", "windows-1251", "windows-1253",
        "windows-1254", "windows-1255", "windows-1256", "windows-1257", "windows-1258",
        "x-mac-cyrillic", "gbk", "gb18030", "big5", "euc-jp", "iso-2022-jp", "shift_jis",
        "euc-kr", "iso-2022-kr", "utf-16le", "utf-16be", "x-user-defined", "no-such-label",
    };
    char page[256];
    for (size_t k = 0; k < sizeof labels / sizeof labels[0]; k++) {
        int n = snprintf(page, sizeof page, "<meta charset=%s><p>", labels[k]);
        for (int c = 1; c < 0x80; c++)   /* every plain ASCII byte */
            page[n++] = (char)c;
        encoding_check check = {0};
        ck_assert(encoding_check_through(&check, page, (size_t)n, (size_t)n));
        char *owned = NULL;
        size_t owned_len;
        if (encoding_checked_text(page, (size_t)n, &check, &owned, &owned_len) != 0)
            continue;
        ck_assert_ptr_null(owned);
        const char *text = to_utf8(page, (size_t)n, NULL);
        ck_assert_msg(strlen(text) == (size_t)n && memcmp(text, page, (size_t)n) == 0,
                      "%s: ASCII changes in decoding", labels[k]);
    }
}
END_TEST

static Suite *encoding_suite(void)
{
    Suite *s = suite_create("encoding");
    TCase *sniff = tcase_create("sniff");
    tcase_add_checked_fixture(sniff, NULL, teardown);
    tcase_add_test(sniff, plain_utf8_is_utf8);
    tcase_add_test(sniff, invalid_utf8_without_meta_is_windows_1252);
    tcase_add_test(sniff, empty_input);
    tcase_add_test(sniff, utf8_bom_is_stripped);
    tcase_add_test(sniff, utf8_bom_beats_meta);
    tcase_add_test(sniff, utf16le_with_bom);
    tcase_add_test(sniff, utf16be_with_bom);
    tcase_add_test(sniff, utf16_lone_surrogate_and_odd_byte_replaced);
    tcase_add_test(sniff, meta_charset_iso_8859_2);
    tcase_add_test(sniff, valid_utf8_beats_stale_meta);
    tcase_add_test(sniff, meta_charset_shift_jis_label);
    tcase_add_test(sniff, meta_gb2312_decodes_as_gbk);
    tcase_add_test(sniff, http_equiv_content_type);
    tcase_add_test(sniff, content_without_http_equiv_is_ignored);
    tcase_add_test(sniff, meta_in_comment_is_ignored);
    tcase_add_test(sniff, meta_latin1_means_windows_1252);
    tcase_add_test(sniff, meta_utf16_means_utf8);
    tcase_add_test(sniff, meta_after_1024_bytes_is_ignored);
    tcase_add_test(sniff, unknown_meta_label_falls_through);
    tcase_add_test(sniff, replacement_encodings_decode_to_one_fffd);
    tcase_add_test(sniff, forced_overrides_meta);
    tcase_add_test(sniff, forced_unknown_is_an_error);
    suite_add_tcase(s, sniff);

    TCase *detect = tcase_create("detect");
    tcase_add_checked_fixture(detect, NULL, teardown);
    int samples = (int)(sizeof legacy_samples / sizeof legacy_samples[0]);
    tcase_add_loop_test(detect, legacy_text_without_meta_is_detected, 0, samples);
    tcase_add_loop_test(detect, legacy_text_with_meta_follows_the_meta, 0, samples);
    tcase_add_loop_test(detect, utf8_text_stays_utf8, 0, samples);
    suite_add_tcase(s, detect);

    TCase *clean = tcase_create("clean");
    tcase_add_checked_fixture(clean, NULL, teardown);
    tcase_add_test(clean, invalid_utf8_replaced);
    tcase_add_test(clean, nul_replaced);
    tcase_add_test(clean, output_is_nfc);
    suite_add_tcase(s, clean);

    TCase *view = tcase_create("view");
    tcase_add_test(view, view_borrows_text_needing_no_change);
    tcase_add_test(view, view_skips_bom_without_copy);
    tcase_add_test(view, view_copies_what_changes);
    tcase_add_test(view, view_finds_nul_and_non_ascii_at_every_offset);
    suite_add_tcase(s, view);

    TCase *check = tcase_create("check");
    tcase_add_checked_fixture(check, NULL, teardown);
    tcase_add_test(check, check_in_pieces_agrees_with_the_whole);
    tcase_add_test(check, checked_text_is_what_decoding_gives);
    tcase_add_test(check, ascii_decodes_to_itself_where_taken_so);
    suite_add_tcase(s, check);

    TCase *nfc = tcase_create("nfc");
    tcase_set_timeout(nfc, 300);   /* 3.3 million conversions; slow under ASan */
    tcase_add_test(nfc, nfc_skip_is_safe_for_every_code_point);
    tcase_add_test(nfc, nfc_by_stretches_matches_whole_text);
    suite_add_tcase(s, nfc);

    TCase *binary = tcase_create("binary");
    tcase_add_test(binary, png_is_binary);
    tcase_add_test(binary, elf_is_binary);
    tcase_add_test(binary, random_bytes_are_binary);
    tcase_add_test(binary, html_is_not_binary);
    tcase_add_test(binary, utf16_with_bom_is_not_binary);
    tcase_add_test(binary, nul_in_plain_text_is_binary);
    tcase_add_test(binary, corpus_pages_are_not_binary);
    suite_add_tcase(s, binary);
    return s;
}

RM_TEST_MAIN(encoding_suite)
