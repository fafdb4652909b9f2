/*
 * encoding.c — find a page's character encoding and convert it to UTF-8.
 *
 * Gumbo only parses UTF-8, but pages arrive in whatever encoding their
 * author used. We follow the order of the HTML Standard's "encoding
 * sniffing algorithm" (§13.2.3.2) so that we read a page the way a browser
 * does: a byte order mark wins; then a <meta charset> or <meta http-equiv=
 * Content-Type> found by the prescan of the first 1024 bytes (§13.2.3.2,
 * "prescan a byte stream"); then, as browsers' frequency analysis would
 * mostly conclude, UTF-8 when the bytes are valid UTF-8; else, as browsers'
 * frequency analysis does, the encoding the bytes themselves point to, by
 * uchardet (the detector of Mozilla's universal charset detector lineage,
 * maintained by freedesktop.org), with windows-1252 when it has no answer.
 * One deliberate departure: bytes that are valid UTF-8 *and* contain
 * multi-byte sequences are read as UTF-8 even when a <meta> names a legacy
 * encoding. Saved and re-encoded pages keep their stale <meta> (the
 * Readability corpus has several), while legacy-encoded text that happens
 * to form valid multi-byte UTF-8 is vanishingly rare.
 *
 * Conversion is libunistring's. Invalid input becomes U+FFFD, as does NUL
 * (Gumbo treats NUL specially and our strings are NUL-terminated), and the
 * result is NFC-normalised so that every later comparison sees one form.
 *
 * Most pages need none of that: their bytes are valid UTF-8 in NFC. The
 * pre-scan reads every page anyway, so it checks them as it goes
 * (encoding_check_through) and only a page that fails is decoded here
 * first: a page larger than the cache is then read from memory once.
 */
#include "encoding.h"

#include "ascii.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <uchardet.h>
#include <uniconv.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

/* ------------------------------------------------------------------ */
/* Encodings and their labels                                          */
/* ------------------------------------------------------------------ */

/* How an encoding is decoded: UTF-8 and UTF-16 by libunistring's own
 * decoders (they replace invalid sequences instead of failing), the
 * "replacement" encoding by the Encoding Standard's rule, the rest by
 * iconv through u8_conv_from_encoding. */
typedef enum { DEC_UTF8, DEC_UTF16LE, DEC_UTF16BE, DEC_REPLACEMENT, DEC_ICONV } decoder;

typedef struct {
    const char *name;        /* the Encoding Standard's name */
    const char *iconv_name;  /* glibc iconv name of the closest superset */
    decoder how;
} encoding_info;

enum {
    E_UTF8, E_UTF16LE, E_UTF16BE, E_REPLACEMENT, E_WINDOWS_1252,
    E_IBM866, E_ISO_8859_2, E_ISO_8859_3, E_ISO_8859_4, E_ISO_8859_5,
    E_ISO_8859_6, E_ISO_8859_7, E_ISO_8859_8, E_ISO_8859_8_I, E_ISO_8859_10,
    E_ISO_8859_13, E_ISO_8859_14, E_ISO_8859_15, E_ISO_8859_16, E_KOI8_R,
    E_KOI8_U, E_MACINTOSH, E_WINDOWS_874, E_WINDOWS_1250, E_WINDOWS_1251,
    E_WINDOWS_1253, E_WINDOWS_1254, E_WINDOWS_1255, E_WINDOWS_1256,
    E_WINDOWS_1257, E_WINDOWS_1258, E_X_MAC_CYRILLIC, E_GBK, E_GB18030,
    E_BIG5, E_EUC_JP, E_ISO_2022_JP, E_SHIFT_JIS, E_EUC_KR,
};

/* The Encoding Standard's encodings (https://encoding.spec.whatwg.org/
 * #names-and-labels) with the iconv decoder that implements each. Where the
 * standard's decoder is a superset of the registered charset we use the
 * superset too: GBK decodes as GB18030, Shift_JIS as CP932 (windows-31j),
 * EUC-KR as CP949 (UHC), Big5 as Big5-HKSCS, windows-874 as CP874. One
 * known difference: the five bytes windows-1252 leaves undefined (0x81,
 * 0x8D, 0x8F, 0x90, 0x9D) become U+FFFD here, C1 controls in the standard;
 * neither is readable text. */
static const encoding_info encodings[] = {
    [E_UTF8] = {"UTF-8", "UTF-8", DEC_UTF8},
    [E_UTF16LE] = {"UTF-16LE", "UTF-16LE", DEC_UTF16LE},
    [E_UTF16BE] = {"UTF-16BE", "UTF-16BE", DEC_UTF16BE},
    [E_REPLACEMENT] = {"replacement", NULL, DEC_REPLACEMENT},
    [E_WINDOWS_1252] = {"windows-1252", "CP1252", DEC_ICONV},
    [E_IBM866] = {"IBM866", "IBM866", DEC_ICONV},
    [E_ISO_8859_2] = {"ISO-8859-2", "ISO-8859-2", DEC_ICONV},
    [E_ISO_8859_3] = {"ISO-8859-3", "ISO-8859-3", DEC_ICONV},
    [E_ISO_8859_4] = {"ISO-8859-4", "ISO-8859-4", DEC_ICONV},
    [E_ISO_8859_5] = {"ISO-8859-5", "ISO-8859-5", DEC_ICONV},
    [E_ISO_8859_6] = {"ISO-8859-6", "ISO-8859-6", DEC_ICONV},
    [E_ISO_8859_7] = {"ISO-8859-7", "ISO-8859-7", DEC_ICONV},
    [E_ISO_8859_8] = {"ISO-8859-8", "ISO-8859-8", DEC_ICONV},
    [E_ISO_8859_8_I] = {"ISO-8859-8-I", "ISO-8859-8", DEC_ICONV},
    [E_ISO_8859_10] = {"ISO-8859-10", "ISO-8859-10", DEC_ICONV},
    [E_ISO_8859_13] = {"ISO-8859-13", "ISO-8859-13", DEC_ICONV},
    [E_ISO_8859_14] = {"ISO-8859-14", "ISO-8859-14", DEC_ICONV},
    [E_ISO_8859_15] = {"ISO-8859-15", "ISO-8859-15", DEC_ICONV},
    [E_ISO_8859_16] = {"ISO-8859-16", "ISO-8859-16", DEC_ICONV},
    [E_KOI8_R] = {"KOI8-R", "KOI8-R", DEC_ICONV},
    [E_KOI8_U] = {"KOI8-U", "KOI8-U", DEC_ICONV},
    [E_MACINTOSH] = {"macintosh", "MACINTOSH", DEC_ICONV},
    [E_WINDOWS_874] = {"windows-874", "CP874", DEC_ICONV},
    [E_WINDOWS_1250] = {"windows-1250", "CP1250", DEC_ICONV},
    [E_WINDOWS_1251] = {"windows-1251", "CP1251", DEC_ICONV},
    [E_WINDOWS_1253] = {"windows-1253", "CP1253", DEC_ICONV},
    [E_WINDOWS_1254] = {"windows-1254", "CP1254", DEC_ICONV},
    [E_WINDOWS_1255] = {"windows-1255", "CP1255", DEC_ICONV},
    [E_WINDOWS_1256] = {"windows-1256", "CP1256", DEC_ICONV},
    [E_WINDOWS_1257] = {"windows-1257", "CP1257", DEC_ICONV},
    [E_WINDOWS_1258] = {"windows-1258", "CP1258", DEC_ICONV},
    [E_X_MAC_CYRILLIC] = {"x-mac-cyrillic", "MAC-CYRILLIC", DEC_ICONV},
    [E_GBK] = {"GBK", "GB18030", DEC_ICONV},
    [E_GB18030] = {"gb18030", "GB18030", DEC_ICONV},
    [E_BIG5] = {"Big5", "BIG5-HKSCS", DEC_ICONV},
    [E_EUC_JP] = {"EUC-JP", "EUC-JP", DEC_ICONV},
    [E_ISO_2022_JP] = {"ISO-2022-JP", "ISO-2022-JP", DEC_ICONV},
    [E_SHIFT_JIS] = {"Shift_JIS", "CP932", DEC_ICONV},
    [E_EUC_KR] = {"EUC-KR", "CP949", DEC_ICONV},
};

typedef struct {
    const char *label;
    int encoding;
} encoding_label;

/* Every label of the Encoding Standard (https://encoding.spec.whatwg.org/
 * #names-and-labels, "Encodings" table) except x-user-defined, which no
 * real page declares. Labels are matched after trimming ASCII white space
 * and ASCII case-folding, as the standard's "get an encoding" prescribes. */
static const encoding_label labels[] = {
    {"unicode-1-1-utf-8", E_UTF8}, {"unicode11utf8", E_UTF8},
    {"unicode20utf8", E_UTF8}, {"utf-8", E_UTF8}, {"utf8", E_UTF8},
    {"x-unicode20utf8", E_UTF8},
    {"866", E_IBM866}, {"cp866", E_IBM866}, {"csibm866", E_IBM866},
    {"ibm866", E_IBM866},
    {"csisolatin2", E_ISO_8859_2}, {"iso-8859-2", E_ISO_8859_2},
    {"iso-ir-101", E_ISO_8859_2}, {"iso8859-2", E_ISO_8859_2},
    {"iso88592", E_ISO_8859_2}, {"iso_8859-2", E_ISO_8859_2},
    {"iso_8859-2:1987", E_ISO_8859_2}, {"l2", E_ISO_8859_2},
    {"latin2", E_ISO_8859_2},
    {"csisolatin3", E_ISO_8859_3}, {"iso-8859-3", E_ISO_8859_3},
    {"iso-ir-109", E_ISO_8859_3}, {"iso8859-3", E_ISO_8859_3},
    {"iso88593", E_ISO_8859_3}, {"iso_8859-3", E_ISO_8859_3},
    {"iso_8859-3:1988", E_ISO_8859_3}, {"l3", E_ISO_8859_3},
    {"latin3", E_ISO_8859_3},
    {"csisolatin4", E_ISO_8859_4}, {"iso-8859-4", E_ISO_8859_4},
    {"iso-ir-110", E_ISO_8859_4}, {"iso8859-4", E_ISO_8859_4},
    {"iso88594", E_ISO_8859_4}, {"iso_8859-4", E_ISO_8859_4},
    {"iso_8859-4:1988", E_ISO_8859_4}, {"l4", E_ISO_8859_4},
    {"latin4", E_ISO_8859_4},
    {"csisolatincyrillic", E_ISO_8859_5}, {"cyrillic", E_ISO_8859_5},
    {"iso-8859-5", E_ISO_8859_5}, {"iso-ir-144", E_ISO_8859_5},
    {"iso8859-5", E_ISO_8859_5}, {"iso88595", E_ISO_8859_5},
    {"iso_8859-5", E_ISO_8859_5}, {"iso_8859-5:1988", E_ISO_8859_5},
    {"arabic", E_ISO_8859_6}, {"asmo-708", E_ISO_8859_6},
    {"csiso88596e", E_ISO_8859_6}, {"csiso88596i", E_ISO_8859_6},
    {"csisolatinarabic", E_ISO_8859_6}, {"ecma-114", E_ISO_8859_6},
    {"iso-8859-6", E_ISO_8859_6}, {"iso-8859-6-e", E_ISO_8859_6},
    {"iso-8859-6-i", E_ISO_8859_6}, {"iso-ir-127", E_ISO_8859_6},
    {"iso8859-6", E_ISO_8859_6}, {"iso88596", E_ISO_8859_6},
    {"iso_8859-6", E_ISO_8859_6}, {"iso_8859-6:1987", E_ISO_8859_6},
    {"csisolatingreek", E_ISO_8859_7}, {"ecma-118", E_ISO_8859_7},
    {"elot_928", E_ISO_8859_7}, {"greek", E_ISO_8859_7},
    {"greek8", E_ISO_8859_7}, {"iso-8859-7", E_ISO_8859_7},
    {"iso-ir-126", E_ISO_8859_7}, {"iso8859-7", E_ISO_8859_7},
    {"iso88597", E_ISO_8859_7}, {"iso_8859-7", E_ISO_8859_7},
    {"iso_8859-7:1987", E_ISO_8859_7}, {"sun_eu_greek", E_ISO_8859_7},
    {"csiso88598e", E_ISO_8859_8}, {"csisolatinhebrew", E_ISO_8859_8},
    {"hebrew", E_ISO_8859_8}, {"iso-8859-8", E_ISO_8859_8},
    {"iso-8859-8-e", E_ISO_8859_8}, {"iso-ir-138", E_ISO_8859_8},
    {"iso8859-8", E_ISO_8859_8}, {"iso88598", E_ISO_8859_8},
    {"iso_8859-8", E_ISO_8859_8}, {"iso_8859-8:1988", E_ISO_8859_8},
    {"visual", E_ISO_8859_8},
    {"csiso88598i", E_ISO_8859_8_I}, {"iso-8859-8-i", E_ISO_8859_8_I},
    {"logical", E_ISO_8859_8_I},
    {"csisolatin6", E_ISO_8859_10}, {"iso-8859-10", E_ISO_8859_10},
    {"iso-ir-157", E_ISO_8859_10}, {"iso8859-10", E_ISO_8859_10},
    {"iso885910", E_ISO_8859_10}, {"l6", E_ISO_8859_10},
    {"latin6", E_ISO_8859_10},
    {"iso-8859-13", E_ISO_8859_13}, {"iso8859-13", E_ISO_8859_13},
    {"iso885913", E_ISO_8859_13},
    {"iso-8859-14", E_ISO_8859_14}, {"iso8859-14", E_ISO_8859_14},
    {"iso885914", E_ISO_8859_14},
    {"csisolatin9", E_ISO_8859_15}, {"iso-8859-15", E_ISO_8859_15},
    {"iso8859-15", E_ISO_8859_15}, {"iso885915", E_ISO_8859_15},
    {"iso_8859-15", E_ISO_8859_15}, {"l9", E_ISO_8859_15},
    {"iso-8859-16", E_ISO_8859_16},
    {"cskoi8r", E_KOI8_R}, {"koi", E_KOI8_R}, {"koi8", E_KOI8_R},
    {"koi8-r", E_KOI8_R}, {"koi8_r", E_KOI8_R},
    {"koi8-ru", E_KOI8_U}, {"koi8-u", E_KOI8_U},
    {"csmacintosh", E_MACINTOSH}, {"mac", E_MACINTOSH},
    {"macintosh", E_MACINTOSH}, {"x-mac-roman", E_MACINTOSH},
    {"dos-874", E_WINDOWS_874}, {"iso-8859-11", E_WINDOWS_874},
    {"iso8859-11", E_WINDOWS_874}, {"iso885911", E_WINDOWS_874},
    {"tis-620", E_WINDOWS_874}, {"windows-874", E_WINDOWS_874},
    {"cp1250", E_WINDOWS_1250}, {"windows-1250", E_WINDOWS_1250},
    {"x-cp1250", E_WINDOWS_1250},
    {"cp1251", E_WINDOWS_1251}, {"windows-1251", E_WINDOWS_1251},
    {"x-cp1251", E_WINDOWS_1251},
    {"ansi_x3.4-1968", E_WINDOWS_1252}, {"ascii", E_WINDOWS_1252},
    {"cp1252", E_WINDOWS_1252}, {"cp819", E_WINDOWS_1252},
    {"csisolatin1", E_WINDOWS_1252}, {"ibm819", E_WINDOWS_1252},
    {"iso-8859-1", E_WINDOWS_1252}, {"iso-ir-100", E_WINDOWS_1252},
    {"iso8859-1", E_WINDOWS_1252}, {"iso88591", E_WINDOWS_1252},
    {"iso_8859-1", E_WINDOWS_1252}, {"iso_8859-1:1987", E_WINDOWS_1252},
    {"l1", E_WINDOWS_1252}, {"latin1", E_WINDOWS_1252},
    {"us-ascii", E_WINDOWS_1252}, {"windows-1252", E_WINDOWS_1252},
    {"x-cp1252", E_WINDOWS_1252},
    {"cp1253", E_WINDOWS_1253}, {"windows-1253", E_WINDOWS_1253},
    {"x-cp1253", E_WINDOWS_1253},
    {"cp1254", E_WINDOWS_1254}, {"csisolatin5", E_WINDOWS_1254},
    {"iso-8859-9", E_WINDOWS_1254}, {"iso-ir-148", E_WINDOWS_1254},
    {"iso8859-9", E_WINDOWS_1254}, {"iso88599", E_WINDOWS_1254},
    {"iso_8859-9", E_WINDOWS_1254}, {"iso_8859-9:1989", E_WINDOWS_1254},
    {"l5", E_WINDOWS_1254}, {"latin5", E_WINDOWS_1254},
    {"windows-1254", E_WINDOWS_1254}, {"x-cp1254", E_WINDOWS_1254},
    {"cp1255", E_WINDOWS_1255}, {"windows-1255", E_WINDOWS_1255},
    {"x-cp1255", E_WINDOWS_1255},
    {"cp1256", E_WINDOWS_1256}, {"windows-1256", E_WINDOWS_1256},
    {"x-cp1256", E_WINDOWS_1256},
    {"cp1257", E_WINDOWS_1257}, {"windows-1257", E_WINDOWS_1257},
    {"x-cp1257", E_WINDOWS_1257},
    {"cp1258", E_WINDOWS_1258}, {"windows-1258", E_WINDOWS_1258},
    {"x-cp1258", E_WINDOWS_1258},
    {"x-mac-cyrillic", E_X_MAC_CYRILLIC}, {"x-mac-ukrainian", E_X_MAC_CYRILLIC},
    {"chinese", E_GBK}, {"csgb2312", E_GBK}, {"csiso58gb231280", E_GBK},
    {"gb2312", E_GBK}, {"gb_2312", E_GBK}, {"gb_2312-80", E_GBK},
    {"gbk", E_GBK}, {"iso-ir-58", E_GBK}, {"x-gbk", E_GBK},
    {"gb18030", E_GB18030},
    {"big5", E_BIG5}, {"big5-hkscs", E_BIG5}, {"cn-big5", E_BIG5},
    {"csbig5", E_BIG5}, {"x-x-big5", E_BIG5},
    {"cseucpkdfmtjapanese", E_EUC_JP}, {"euc-jp", E_EUC_JP},
    {"x-euc-jp", E_EUC_JP},
    {"csiso2022jp", E_ISO_2022_JP}, {"iso-2022-jp", E_ISO_2022_JP},
    {"csshiftjis", E_SHIFT_JIS}, {"ms932", E_SHIFT_JIS},
    {"ms_kanji", E_SHIFT_JIS}, {"shift-jis", E_SHIFT_JIS},
    {"shift_jis", E_SHIFT_JIS}, {"sjis", E_SHIFT_JIS},
    {"windows-31j", E_SHIFT_JIS}, {"x-sjis", E_SHIFT_JIS},
    {"cseuckr", E_EUC_KR}, {"csksc56011987", E_EUC_KR},
    {"euc-kr", E_EUC_KR}, {"iso-ir-149", E_EUC_KR}, {"korean", E_EUC_KR},
    {"ks_c_5601-1987", E_EUC_KR}, {"ks_c_5601-1989", E_EUC_KR},
    {"ksc5601", E_EUC_KR}, {"ksc_5601", E_EUC_KR},
    {"windows-949", E_EUC_KR},
    {"csiso2022kr", E_REPLACEMENT}, {"hz-gb-2312", E_REPLACEMENT},
    {"iso-2022-cn", E_REPLACEMENT}, {"iso-2022-cn-ext", E_REPLACEMENT},
    {"iso-2022-kr", E_REPLACEMENT}, {"replacement", E_REPLACEMENT},
    {"unicodefffe", E_UTF16BE}, {"utf-16be", E_UTF16BE},
    {"csunicode", E_UTF16LE}, {"iso-10646-ucs-2", E_UTF16LE},
    {"ucs-2", E_UTF16LE}, {"unicode", E_UTF16LE},
    {"unicodefeff", E_UTF16LE}, {"utf-16", E_UTF16LE},
    {"utf-16le", E_UTF16LE},
};

/* The HTML Standard's "ASCII whitespace". */
static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

static unsigned char ascii_lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* The Encoding Standard's "get an encoding": trim, case-fold, look up.
 * Returns an index into encodings[], or -1. */
static int encoding_for_label(const char *label, size_t len)
{
    while (len && is_space((unsigned char)*label)) {
        label++;
        len--;
    }
    while (len && is_space((unsigned char)label[len - 1]))
        len--;
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
        const char *candidate = labels[i].label;
        size_t k = 0;
        while (k < len && candidate[k] && ascii_lower((unsigned char)label[k]) == (unsigned char)candidate[k])
            k++;
        if (k == len && candidate[k] == '\0')
            return labels[i].encoding;
    }
    return -1;
}

/* ------------------------------------------------------------------ */
/* Prescan of <meta> (HTML Standard §13.2.3.2, "prescan a byte stream")  */
/* ------------------------------------------------------------------ */

#define PRESCAN_BYTES 1024
#define ATTR_MAX 64        /* longer names and values cannot matter to us */

typedef struct {
    const unsigned char *p, *end;
} scanner;

typedef struct {
    char name[ATTR_MAX + 1];
    char value[ATTR_MAX + 1];
} attribute;

static void append_lower(char *buf, size_t *len, unsigned char c)
{
    if (*len < ATTR_MAX)
        buf[(*len)++] = (char)ascii_lower(c);
    buf[*len] = '\0';
}

static int starts_with_ci(const scanner *s, const char *prefix)
{
    size_t n = strlen(prefix);
    if ((size_t)(s->end - s->p) < n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (ascii_lower(s->p[i]) != (unsigned char)prefix[i])
            return 0;
    return 1;
}

static void skip_spaces(scanner *s)
{
    while (s->p < s->end && is_space(*s->p))
        s->p++;
}

static void skip_past(scanner *s, const char *terminator)
{
    while (s->p < s->end && !starts_with_ci(s, terminator))
        s->p++;
    s->p += s->p < s->end ? strlen(terminator) : 0;
}

static void read_attribute_value(scanner *s, attribute *a)
{
    size_t len = 0;
    skip_spaces(s);
    if (s->p >= s->end)
        return;
    unsigned char quote = *s->p;
    if (quote == '"' || quote == '\'') {
        for (s->p++; s->p < s->end && *s->p != quote; s->p++)
            append_lower(a->value, &len, *s->p);
        s->p += s->p < s->end;
        return;
    }
    if (quote == '>')
        return;
    for (; s->p < s->end && !is_space(*s->p) && *s->p != '>'; s->p++)
        append_lower(a->value, &len, *s->p);
}

/* The standard's "get an attribute". Returns 0 when there is none left. */
static int next_attribute(scanner *s, attribute *a)
{
    size_t len = 0;
    a->name[0] = a->value[0] = '\0';
    while (s->p < s->end && (is_space(*s->p) || *s->p == '/'))
        s->p++;
    if (s->p >= s->end || *s->p == '>')
        return 0;
    for (; s->p < s->end; s->p++) {
        unsigned char c = *s->p;
        if (c == '=' && len > 0) {
            s->p++;
            read_attribute_value(s, a);
            return 1;
        }
        if (is_space(c)) {
            skip_spaces(s);
            if (s->p < s->end && *s->p == '=') {
                s->p++;
                read_attribute_value(s, a);
            }
            return 1;
        }
        if (c == '/' || c == '>')
            return 1;
        append_lower(a->name, &len, c);
    }
    return 1;
}

/* The standard's "extract a character encoding from a meta element":
 * the charset=... parameter of a Content-Type value. Returns -1 if none. */
static int charset_from_content(const char *content)
{
    const char *p = content;
    while ((p = strstr(p, "charset")) != NULL) {
        p += strlen("charset");
        while (is_space((unsigned char)*p))
            p++;
        if (*p != '=')
            continue;
        p++;
        while (is_space((unsigned char)*p))
            p++;
        if (*p == '"' || *p == '\'') {
            const char *close = strchr(p + 1, *p);
            return close ? encoding_for_label(p + 1, (size_t)(close - p - 1)) : -1;
        }
        size_t n = strcspn(p, " \t\n\f\r;");
        return n ? encoding_for_label(p, n) : -1;
    }
    return -1;
}

/* Attributes of one <meta>, after the standard's duplicate rule (first
 * occurrence wins). Returns the declared encoding, or -1. */
static int meta_encoding(scanner *s)
{
    int got_pragma = 0, need_pragma = -1, charset = -1;
    int seen_http_equiv = 0, seen_content = 0, seen_charset = 0;
    attribute a;
    while (next_attribute(s, &a)) {
        if (!strcmp(a.name, "http-equiv") && !seen_http_equiv++) {
            got_pragma |= !strcmp(a.value, "content-type");
        } else if (!strcmp(a.name, "content") && !seen_content++) {
            if (charset == -1 && (charset = charset_from_content(a.value)) != -1)
                need_pragma = 1;
        } else if (!strcmp(a.name, "charset") && !seen_charset++) {
            charset = encoding_for_label(a.value, strlen(a.value));
            need_pragma = 0;
        }
    }
    if (need_pragma == -1 || (need_pragma == 1 && !got_pragma) || charset == -1)
        return -1;
    /* A page cannot declare itself UTF-16 in ASCII-compatible bytes: the
     * standard reads such a declaration as UTF-8. */
    if (charset == E_UTF16LE || charset == E_UTF16BE)
        return E_UTF8;
    return charset;
}

static int is_ascii_alpha(unsigned char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* Skip a tag we do not care about: its name, then its attributes, so that
 * a '>' inside a quoted attribute value does not end it early. */
static void skip_tag(scanner *s)
{
    attribute ignored;
    while (s->p < s->end && !is_space(*s->p) && *s->p != '>')
        s->p++;
    while (next_attribute(s, &ignored))
        ;
}

static int prescan(const unsigned char *bytes, size_t len)
{
    scanner s = {bytes, bytes + (len < PRESCAN_BYTES ? len : PRESCAN_BYTES)};
    while (s.p < s.end) {
        if (starts_with_ci(&s, "<!--")) {
            s.p += 2;   /* "<!-->" is a complete comment */
            skip_past(&s, "-->");
        } else if (starts_with_ci(&s, "<meta") && s.end - s.p > 5 &&
                   (is_space(s.p[5]) || s.p[5] == '/')) {
            s.p += 6;
            int found = meta_encoding(&s);
            if (found != -1)
                return found;
        } else if (s.end - s.p > 1 && s.p[0] == '<' &&
                   (is_ascii_alpha(s.p[1]) ||
                    (s.p[1] == '/' && s.end - s.p > 2 && is_ascii_alpha(s.p[2])))) {
            skip_tag(&s);
        } else if (starts_with_ci(&s, "<!") || starts_with_ci(&s, "</") ||
                   starts_with_ci(&s, "<?")) {
            skip_past(&s, ">");
        } else {
            s.p++;
        }
    }
    return -1;
}

/* ------------------------------------------------------------------ */
/* Detection                                                           */
/* ------------------------------------------------------------------ */

/* Byte order marks, checked in the standard's order ("BOM sniff"). */
static const struct {
    const char *bytes;
    size_t len;
    int encoding;
} boms[] = {
    {"\xEF\xBB\xBF", 3, E_UTF8},
    {"\xFE\xFF", 2, E_UTF16BE},
    {"\xFF\xFE", 2, E_UTF16LE},
};

/* Length of the BOM of `encoding` at the start of bytes, or 0. */
static size_t bom_length(const char *bytes, size_t len, int encoding)
{
    for (size_t i = 0; i < sizeof boms / sizeof boms[0]; i++)
        if (boms[i].encoding == encoding && len >= boms[i].len &&
            !memcmp(bytes, boms[i].bytes, boms[i].len))
            return boms[i].len;
    return 0;
}

static int has_non_ascii(const uint8_t *s, size_t len)
{
    return ascii_prefix(s, len) < len;
}

/* The length of the prefix of ASCII bytes other than NUL, eight at a
 * time: a byte of a word is NUL or above 0x7F exactly when it, or it less
 * one, has its top bit set (no borrow crosses bytes 1 to 0x7F). Text that
 * is all such bytes needs no replacement and no normalisation, so one
 * pass over it decides what would take three. */
static size_t plain_ascii_prefix(const uint8_t *s, size_t len)
{
    const uint64_t ones = UINT64_C(0x0101010101010101), high = ones * 0x80;
    size_t i = 0;
    for (; i + 32 <= len; i += 32) {   /* four words a test: one branch */
        uint64_t w[4];
        memcpy(w, s + i, sizeof w);
        if (((w[0] | (w[0] - ones)) | (w[1] | (w[1] - ones)) | (w[2] | (w[2] - ones)) |
             (w[3] | (w[3] - ones))) & high)
            break;
    }
    for (; i + 8 <= len; i += 8) {
        uint64_t word;
        memcpy(&word, s + i, 8);
        if ((word | (word - ones)) & high)
            break;
    }
    while (i < len && s[i] && s[i] < 0x80)
        i++;
    return i;
}

/* u8_check(s, len) == NULL, reading ASCII runs eight bytes at a time and
 * handing only the runs of non-ASCII bytes to u8_check: a multi-byte
 * sequence holds no ASCII byte, so the text is valid when each run is. */
static int valid_utf8_text(const uint8_t *s, size_t len)
{
    for (size_t i = ascii_prefix(s, len); i < len; i += ascii_prefix(s + i, len - i)) {
        size_t run = i;
        while (run < len && s[run] >= 0x80)
            run++;
        if (u8_check(s + i, run - i))
            return 0;
        i = run;
    }
    return 1;
}

static int sniff_bom(const char *bytes, size_t len)
{
    for (size_t i = 0; i < sizeof boms / sizeof boms[0]; i++)
        if (bom_length(bytes, len, boms[i].encoding))
            return boms[i].encoding;
    return -1;
}

/* uchardet's names that are not Encoding Standard labels, mapped to the
 * encoding browsers use for that text. */
static const struct {
    const char *detector_name;
    int encoding;
} detector_aliases[] = {
    {"MAC-CYRILLIC", E_X_MAC_CYRILLIC}, {"UHC", E_EUC_KR}, {"CP949", E_EUC_KR},
    {"ISO-2022-CN", E_GB18030}, {"ASCII", E_WINDOWS_1252},
};

/* Bytes handed to the detector: enough text for a confident answer on any
 * page, a bounded cost on huge ones. */
#define DETECT_BYTES ((size_t)256 << 10)

/* The encoding of legacy bytes with no label anywhere, as uchardet reads
 * them; windows-1252 when it has no answer or names no encoding browsers
 * know. */
static int detect_from_bytes(const char *bytes, size_t len)
{
    uchardet_t detector = uchardet_new();
    if (!detector)
        return E_WINDOWS_1252;
    int found = -1;
    if (uchardet_handle_data(detector, bytes, len < DETECT_BYTES ? len : DETECT_BYTES) == 0) {
        uchardet_data_end(detector);
        const char *name = uchardet_get_charset(detector);
        for (size_t i = 0; name && *name && found == -1 &&
                           i < sizeof detector_aliases / sizeof detector_aliases[0]; i++)
            if (strcmp(name, detector_aliases[i].detector_name) == 0)
                found = detector_aliases[i].encoding;
        if (found == -1 && name && *name)
            found = encoding_for_label(name, strlen(name));
    }
    uchardet_delete(detector);
    /* UTF-16 without a BOM, or UTF-8 for bytes that are not valid UTF-8,
     * would be a wrong answer; so is an encoding that cannot be decoded. */
    if (found == -1 || found == E_UTF8 || found == E_UTF16LE || found == E_UTF16BE ||
        found == E_REPLACEMENT)
        return E_WINDOWS_1252;
    return found;
}

/* What is known of bytes read as UTF-8: not checked yet, invalid, valid,
 * or valid and plain ASCII without NUL (taken as they are, nothing to
 * replace or normalise). */
enum { UTF8_UNCHECKED = -1, UTF8_INVALID = 0, UTF8_VALID = 1, UTF8_PLAIN_ASCII = 2 };

/* *valid_utf8 is set when the answer came from checking the bytes, so
 * that decoding need not check them again; else left alone. */
static int detect(const char *bytes, size_t len, int *valid_utf8)
{
    int found = sniff_bom(bytes, len);
    if (found != -1)
        return found;
    size_t plain = plain_ascii_prefix((const uint8_t *)bytes, len);
    int ascii = plain == len || !has_non_ascii((const uint8_t *)bytes + plain, len - plain);
    *valid_utf8 = plain == len ? UTF8_PLAIN_ASCII
                               : ascii || valid_utf8_text((const uint8_t *)bytes, len);
    if (*valid_utf8 && !ascii)
        return E_UTF8;
    found = prescan((const unsigned char *)bytes, len);
    if (found == -1)
        found = *valid_utf8 ? E_UTF8 : detect_from_bytes(bytes, len);
    return found;
}

/* ------------------------------------------------------------------ */
/* Decoding                                                            */
/* ------------------------------------------------------------------ */

static const char replacement_utf8[] = "\xEF\xBF\xBD";

/* Decoded text: `text` is either `owned` (malloc'd) or, when the source
 * bytes already are the text, points into them (owned NULL). */
typedef struct {
    const uint8_t *text;
    size_t len;
    uint8_t *owned;
    bool plain_ascii;   /* ASCII without NUL: already in NFC */
} decoded;

static void set_owned(decoded *d, uint8_t *buf, size_t len)
{
    d->text = d->owned = buf;
    d->len = len;
    d->plain_ascii = false;
}

/* UTF-8 with each invalid sequence (as u8_mbtouc delimits it) and each
 * NUL replaced with U+FFFD; valid text without NUL is taken as it is, not
 * copied. valid_utf8: what detect found (UTF8_*). */
static int sanitize_utf8(const uint8_t *src, size_t len, int valid_utf8, decoded *d)
{
    if (valid_utf8 == UTF8_PLAIN_ASCII) {
        *d = (decoded){src, len, NULL, true};
        return 0;
    }
    if (valid_utf8 == UTF8_UNCHECKED)
        valid_utf8 = valid_utf8_text(src, len);
    if (valid_utf8 && !memchr(src, 0, len)) {
        *d = (decoded){src, len, NULL, false};
        return 0;
    }
    uint8_t *buf = malloc(3 * len + 1);   /* each byte grows to at most 3 */
    if (!buf)
        return -2;
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        ucs4_t c;
        int step = u8_mbtouc(&c, src + i, len - i);
        if (c == 0)
            c = 0xFFFD;
        n += (size_t)u8_uctomb(buf + n, c, 4);
        i += (size_t)step;
    }
    set_owned(d, buf, n);
    return 0;
}

/* UTF-16 through libunistring's u16 decoder, which (unlike iconv) turns a
 * lone surrogate or a dangling odd byte into U+FFFD instead of failing. */
static int decode_utf16(const unsigned char *src, size_t len, int big_endian, decoded *d)
{
    size_t units = (len + 1) / 2;
    uint16_t *wide = malloc((units ? units : 1) * sizeof *wide);
    uint8_t *buf = malloc(3 * units + 1);   /* one unit gives at most 3 bytes */
    if (!wide || !buf) {
        free(wide);
        free(buf);
        return -2;
    }
    for (size_t i = 0; i + 1 < len; i += 2)
        wide[i / 2] = big_endian ? (uint16_t)(src[i] << 8 | src[i + 1])
                                 : (uint16_t)(src[i + 1] << 8 | src[i]);
    if (len % 2)
        wide[units - 1] = 0xDC00;   /* an odd trailing byte decodes as U+FFFD */
    size_t n = 0;
    for (size_t i = 0; i < units;) {
        ucs4_t c;
        i += (size_t)u16_mbtouc(&c, wide + i, units - i);
        n += (size_t)u8_uctomb(buf + n, c, 4);
    }
    free(wide);
    set_owned(d, buf, n);
    return 0;
}

static int decode_iconv(const char *iconv_name, const char *src, size_t len, decoded *d)
{
    size_t n = 0;
    uint8_t *buf = u8_conv_from_encoding(iconv_name, iconveh_replacement_character,
                                         src, len, NULL, NULL, &n);
    if (!buf && errno == ENOMEM)
        return -2;
    /* The replacement handler never gives up on bad input; what remains is
     * an iconv without this converter (a system without gconv modules).
     * Keep the ASCII and any UTF-8 rather than fail the page. */
    if (!buf)
        return sanitize_utf8((const uint8_t *)src, len, -1, d);
    set_owned(d, buf, n);
    return 0;
}

/* Decode to UTF-8 (not yet NUL-free or normalised). */
static int decode(int enc, const char *bytes, size_t len, int valid_utf8, decoded *d)
{
    size_t skip = bom_length(bytes, len, enc);
    if (skip)
        valid_utf8 = UTF8_UNCHECKED;   /* checked with the BOM; the rest is checked again */
    bytes += skip;
    len -= skip;
    switch (encodings[enc].how) {
    case DEC_UTF8:
        return sanitize_utf8((const uint8_t *)bytes, len, valid_utf8, d);
    case DEC_UTF16LE:
    case DEC_UTF16BE:
        return decode_utf16((const unsigned char *)bytes, len,
                            encodings[enc].how == DEC_UTF16BE, d);
    case DEC_REPLACEMENT:
        /* The standard decodes these (ISO-2022-KR, HZ...) as one U+FFFD:
         * they allow script injection through ASCII-looking bytes. */
        return sanitize_utf8((const uint8_t *)replacement_utf8, len ? 3 : 0, UTF8_VALID, d);
    case DEC_ICONV:
        break;
    }
    return decode_iconv(encodings[enc].iconv_name, bytes, len, d);
}

/* Hangul syllables are precomposed and stable; Hangul jamo may compose
 * with what precedes them (Unicode §3.12). */
#define HANGUL_SYLLABLES_FIRST 0xAC00
#define HANGUL_SYLLABLES_LAST 0xD7A3
#define HANGUL_JAMO_FIRST 0x1100
#define HANGUL_JAMO_LAST 0x11FF

/* Could NFC change this code point or the one before it? A quick check in
 * the spirit of UAX #15's NFC_Quick_Check, from the data libunistring has:
 * combining marks (which may reorder or compose with the previous
 * character), singletons and composition exclusions (characters whose
 * canonical decomposition does not compose back to them), and jamo. */
static int nfc_unstable(ucs4_t c)
{
    if (c < 0x300 || (c >= HANGUL_SYLLABLES_FIRST && c <= HANGUL_SYLLABLES_LAST))
        return 0;
    if (uc_combining_class(c) != UC_CCC_NR || uc_is_general_category(c, UC_CATEGORY_M) ||
        (c >= HANGUL_JAMO_FIRST && c <= HANGUL_JAMO_LAST))
        return 1;
    ucs4_t parts[UC_DECOMPOSITION_MAX_LENGTH];
    int n = uc_canonical_decomposition(c, parts);
    return n == 1 || (n == 2 && uc_composition(parts[0], parts[1]) != c);
}

/* Where the next NFC-unstable code point starts at or after `from`, or
 * `len`; its length in *cp_len. */
static size_t next_unstable(const uint8_t *s, size_t len, size_t from, size_t *cp_len)
{
    for (size_t i = from; i < len;) {
        if (s[i] < 0x80) {
            i += ascii_prefix(s + i, len - i);
            continue;
        }
        ucs4_t c;
        int n = u8_mbtouc_unsafe(&c, s + i, len - i);
        if (nfc_unstable(c)) {
            *cp_len = (size_t)n;
            return i;
        }
        i += (size_t)n;
    }
    return len;
}

/* Unstable code points closer than this share one stretch (and one call
 * of the normaliser), so text full of combining marks is not normalised
 * word by word. */
#define NFC_MERGE_GAP 256

/* The stretch of text NFC may change around the unstable code point at
 * *at: from the ASCII character before it to the ASCII character after
 * it (or the text's ends), taking in unstable code points nearby. An
 * ASCII character is a starter that no composition takes as its second
 * part, so normalisation never reaches across it: the stretch normalises
 * the same alone as in the whole text. On return *at and *cp_len name the
 * first unstable code point after the stretch (*at == len: none), found
 * while looking for nearby ones. */
static void unstable_stretch(const uint8_t *s, size_t len, size_t floor, size_t *at,
                             size_t *cp_len, size_t *start, size_t *end)
{
    size_t b = *at;
    while (b > floor && s[b - 1] >= 0x80)
        b--;
    *start = b > floor ? b - 1 : floor;
    size_t e = *at + *cp_len;
    for (;;) {
        while (e < len && s[e] >= 0x80)
            e++;
        *at = next_unstable(s, len, e, cp_len);
        if (*at == len || *at - e >= NFC_MERGE_GAP)
            break;
        e = *at + *cp_len;
    }
    *end = e;
}

typedef struct {
    uint8_t *bytes;
    size_t len, cap;
} nfc_out;

static int nfc_put(nfc_out *o, const uint8_t *s, size_t n)
{
    if (n == 0)
        return 0;
    if (n > o->cap - o->len) {
        size_t cap = o->cap ? o->cap : 256;
        while (cap - o->len < n) {
            if (cap > SIZE_MAX / 2)
                return -1;
            cap *= 2;
        }
        uint8_t *grown = realloc(o->bytes, cap);
        if (!grown)
            return -1;
        o->bytes = grown;
        o->cap = cap;
    }
    memcpy(o->bytes + o->len, s, n);
    o->len += n;
    return 0;
}

/* NFC-normalise valid UTF-8, stretch by stretch: most pages are already
 * NFC, normalising costs more than decoding, and an unstable code point
 * (an emoji's variation selector, a combining mark) usually changes
 * nothing. Only stretches around unstable code points go through the
 * normaliser, and a new copy of the text is made only when one changed.
 * On success *d holds the result (an owned text freed if it was
 * replaced). */
static int normalize_nfc(decoded *d)
{
    if (d->plain_ascii)
        return 0;
    const uint8_t *s = d->text;
    size_t n = d->len, scanned = 0, copied = 0, cp_len = 0;
    nfc_out out = {0};
    int changed = 0;
    size_t at = next_unstable(s, n, 0, &cp_len);
    while (at < n) {
        size_t start, end, normal_len = 0;
        unstable_stretch(s, n, scanned, &at, &cp_len, &start, &end);
        scanned = end;
        uint8_t *normal = u8_normalize(UNINORM_NFC, s + start, end - start, NULL, &normal_len);
        if (!normal)
            goto fail;
        int same = normal_len == end - start && !memcmp(normal, s + start, normal_len);
        int failed = !same && (nfc_put(&out, s + copied, start - copied) ||
                               nfc_put(&out, normal, normal_len));
        free(normal);
        if (failed)
            goto fail;
        if (!same) {
            changed = 1;
            copied = end;
        }
    }
    if (!changed)
        return 0;
    if (nfc_put(&out, s + copied, n - copied))
        goto fail;
    free(d->owned);
    set_owned(d, out.bytes, out.len);
    return 0;
fail:
    free(out.bytes);
    return -2;
}

/* NFC-normalise, and NUL-terminate an owned text; frees it on failure. */
static int finish(decoded *d)
{
    if (normalize_nfc(d)) {
        free(d->owned);
        return -2;
    }
    if (!d->owned)
        return 0;
    uint8_t *terminated = realloc(d->owned, d->len + 1);
    if (!terminated) {
        free(d->owned);
        return -2;
    }
    terminated[d->len] = '\0';
    set_owned(d, terminated, d->len);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Checking alongside another pass                                     */
/* ------------------------------------------------------------------ */

bool encoding_check_applies(const char *bytes, size_t len, const char *forced)
{
    return !forced && sniff_bom(bytes ? bytes : "", len) == -1;
}

/* The longest continuation of a character: a lead byte and three more. */
#define UTF8_MAX_CONTINUATION 3

bool encoding_check_through(encoding_check *c, const char *bytes, size_t to, size_t len)
{
    if (c->invalid)
        return false;
    const uint8_t *s = (const uint8_t *)bytes;
    size_t i = c->checked;
    /* a character cut by `to` waits for the next piece; more continuation
     * bytes than a character has are invalid wherever the cut falls */
    for (unsigned k = 0; k < UTF8_MAX_CONTINUATION && to < len && to > i && (s[to] & 0xC0) == 0x80; k++)
        to--;
    while (i < to) {
        i += plain_ascii_prefix(s + i, to - i);
        if (i == to)
            break;
        if (s[i] == 0) {
            c->invalid = true;
            return false;
        }
        /* a run of characters beyond ASCII, each decoded once for both
         * questions: valid (as u8_check has it)? and might NFC change it? */
        c->non_ascii = true;
        while (i < to && s[i] >= 0x80) {
            ucs4_t cp;
            int n = u8_mbtoucr(&cp, s + i, to - i);
            if (n < 0) {
                c->invalid = true;
                return false;
            }
            c->unstable |= nfc_unstable(cp) != 0;
            i += (size_t)n;
        }
    }
    if (to > c->checked)
        c->checked = to;
    return true;
}

/* Plain ASCII decodes to itself in UTF-8 and in every encoding iconv
 * decodes here but ISO-2022-JP, whose escape sequences (ASCII bytes)
 * switch to other character sets. */
static bool ascii_is_itself(int encoding)
{
    return encoding == -1 || encoding == E_UTF8 ||
           (encodings[encoding].how == DEC_ICONV && encoding != E_ISO_2022_JP);
}

int encoding_checked_text(const char *bytes, size_t len, const encoding_check *c, char **owned,
                          size_t *owned_len)
{
    *owned = NULL;
    *owned_len = 0;
    if (c->invalid || c->checked != len)
        return 1;
    /* as detect: valid UTF-8 with non-ASCII bytes is UTF-8 whatever a
     * <meta> says; plain ASCII follows the <meta> */
    if (!c->non_ascii)
        return ascii_is_itself(prescan((const unsigned char *)bytes, len)) ? 0 : 1;
    if (!c->unstable)
        return 0;   /* already NFC: no pass over the text to find out */
    decoded d = {(const uint8_t *)bytes, len, NULL, false};
    if (finish(&d))
        return -2;
    *owned = (char *)d.owned;
    *owned_len = d.owned ? d.len : 0;
    return 0;
}

int encoding_view_utf8(const char *bytes, size_t len, const char *forced, const char **text,
                       size_t *text_len, char **owned, const char **detected)
{
    *text = NULL;
    *text_len = 0;
    *owned = NULL;
    if (!bytes)
        bytes = "";
    int valid_utf8 = UTF8_UNCHECKED;
    int enc = forced ? encoding_for_label(forced, strlen(forced)) : detect(bytes, len, &valid_utf8);
    if (enc == -1)
        return -1;
    decoded d = {NULL, 0, NULL, false};
    if (decode(enc, bytes, len, valid_utf8, &d) || finish(&d))
        return -2;
    *text = (const char *)d.text;
    *text_len = d.len;
    *owned = (char *)d.owned;
    if (detected)
        *detected = encodings[enc].name;
    return 0;
}

int encoding_to_utf8(const char *bytes, size_t len, const char *forced,
                     char **out, size_t *out_len, const char **detected)
{
    const char *text;
    int rc = encoding_view_utf8(bytes, len, forced, &text, out_len, out, detected);
    if (rc || *out)
        return rc;
    if (!(*out = malloc(*out_len + 1)))
        return -2;
    if (*out_len)
        memcpy(*out, text, *out_len);
    (*out)[*out_len] = '\0';
    return 0;
}

/* ------------------------------------------------------------------ */
/* Binary detection                                                    */
/* ------------------------------------------------------------------ */

/* Signatures of binary formats people are likely to feed a reader by
 * mistake (saved images, PDFs, archives, executables), from each format's
 * specification as collected in file(1)'s magic database. */
static const struct {
    const char *magic;
    size_t len;
} binary_magics[] = {
    {"\x89PNG\r\n\x1A\n", 8},          /* PNG */
    {"\xFF\xD8\xFF", 3},               /* JPEG */
    {"GIF87a", 6}, {"GIF89a", 6},      /* GIF */
    {"%PDF-", 5},                      /* PDF */
    {"PK\x03\x04", 4},                 /* ZIP, EPUB, Office documents */
    {"\x1F\x8B", 2},                   /* gzip */
    {"BZh", 3},                        /* bzip2 */
    {"\xFD" "7zXZ", 6},                /* xz (magic includes its NUL) */
    {"7z\xBC\xAF\x27\x1C", 6},         /* 7-Zip */
    {"\x28\xB5\x2F\xFD", 4},           /* Zstandard */
    {"\x7F" "ELF", 4},                 /* ELF executables */
    {"\xCF\xFA\xED\xFE", 4},           /* Mach-O 64-bit */
    {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8}, /* OLE2: legacy Office */
    {"\0asm", 4},                      /* WebAssembly */
    {"wOFF", 4}, {"wOF2", 4},          /* web fonts */
    {"RIFF", 4},                       /* WebP, WAV, AVI */
    {"OggS", 4},                       /* Ogg */
    {"ID3", 3},                        /* MP3 */
};

#define BINARY_SNIFF_BYTES 4096
/* Text, even in legacy encodings, has almost no C0 controls other than
 * white space; more than one byte in 10 means a binary format. */
#define BINARY_CONTROL_PER_MILLE 100

static int is_binary_control(unsigned char c)
{
    return (c < 0x20 && !is_space(c) && c != 0x1B /* ISO-2022 escapes */) || c == 0x7F;
}

int encoding_looks_binary(const char *bytes, size_t len)
{
    if (!bytes)
        return 0;
    for (size_t i = 0; i < sizeof binary_magics / sizeof binary_magics[0]; i++)
        if (len >= binary_magics[i].len &&
            !memcmp(bytes, binary_magics[i].magic, binary_magics[i].len))
            return 1;
    int bom = sniff_bom(bytes, len);
    if (bom == E_UTF16LE || bom == E_UTF16BE)
        return 0;   /* half of UTF-16 text is NUL bytes */
    size_t n = len < BINARY_SNIFF_BYTES ? len : BINARY_SNIFF_BYTES;
    if (n && memchr(bytes, 0, n))
        return 1;
    size_t controls = 0;
    for (size_t i = 0; i < n; i++)
        controls += is_binary_control((unsigned char)bytes[i]);
    return n && controls * 1000 > n * BINARY_CONTROL_PER_MILLE;
}
