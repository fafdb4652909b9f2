/*
 * extract.c — a complete program over the readmode library: read a page from
 * a file (or standard input), print its title, byline and body text.
 *
 * Build against an installed readmode:
 *     cc -o extract extract.c $(pkg-config --cflags --libs readmode)
 * Run:
 *     ./extract page.html https://example.org/post
 */
#include <readmode.h>

#include <stdio.h>
#include <stdlib.h>

/* The whole stream in a malloc'd buffer; NULL on a read or memory error. */
static char *read_all(FILE *in, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, in);
        if (n < cap)
            break;
        char *bigger = realloc(buf, cap *= 2);
        if (!bigger)
            free(buf);
        buf = bigger;
    }
    if (buf && ferror(in)) {
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    FILE *in = argc > 1 ? fopen(argv[1], "rb") : stdin;
    if (!in) {
        perror(argv[1]);
        return 3;
    }
    size_t len = 0;
    char *html = read_all(in, &len);
    if (in != stdin)
        fclose(in);
    if (!html) {
        fprintf(stderr, "extract: cannot read the page\n");
        return 3;
    }

    rm_options options = rm_default_options;
    options.url = argc > 2 ? argv[2] : NULL;
    options.formats = RM_FORMAT_TEXT;
    rm_article *article = NULL;
    rm_status status = rm_extract(html, len, &options, &article);
    free(html);
    if (status != RM_OK && status != RM_NO_ARTICLE) {
        fprintf(stderr, "extract: %s\n", rm_status_message(status));
        return 3;
    }

    printf("%s\n", article->title ? article->title : "(no title)");
    if (article->byline)
        printf("by %s\n", article->byline);
    printf("\n%s\n", article->text ? article->text : "");
    int code = status == RM_OK ? 0 : 1;
    rm_article_free(article);
    return code;
}
