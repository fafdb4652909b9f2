/* main.c — TEMPORARY skeleton entry point; the real CLI is being written. */
#include "readmode.h"
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv)
{
    FILE *f = argc > 1 ? fopen(argv[1], "rb") : stdin;
    if (!f) return 3;
    size_t cap = 1 << 20, n = 0, r; char *b = malloc(cap);
    while ((r = fread(b + n, 1, cap - n, f)) > 0) { n += r; if (n == cap) b = realloc(b, cap *= 2); }
    rm_article *a; rm_status st = rm_extract(b, n, NULL, &a);
    if (a) { fputs(a->text, stdout); rm_article_free(a); }
    free(b);
    return st == RM_OK ? 0 : 1;
}
