/* main.c — TEMPORARY skeleton entry point; the real CLI is being written. */
#include "readmode.h"
#include "native.h"
#include "save.h"
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv)
{
    /* --- native host, save, list (src/native.c, src/save.c): keep at the top --- */
    if (native_should_serve(argc, argv))
        return native_main(argc, argv);
    if (argc > 1 && strcmp(argv[1], "save") == 0)
        return save_main(argc - 1, argv + 1);
    if (argc > 1 && strcmp(argv[1], "list") == 0)
        return save_list_main(argc - 1, argv + 1);
    /* --- end of native host, save, list --- */
    FILE *f = argc > 1 ? fopen(argv[1], "rb") : stdin;
    if (!f) return 3;
    size_t cap = 1 << 20, n = 0, r; char *b = malloc(cap);
    while ((r = fread(b + n, 1, cap - n, f)) > 0) { n += r; if (n == cap) b = realloc(b, cap *= 2); }
    rm_article *a; rm_status st = rm_extract(b, n, NULL, &a);
    if (a) { fputs(a->text, stdout); rm_article_free(a); }
    free(b);
    return st == RM_OK ? 0 : 1;
}
