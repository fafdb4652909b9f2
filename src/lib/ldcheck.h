/*
 * ldcheck.h — JSON-LD articleBody as a witness of where the article is.
 */
#ifndef RM_LDCHECK_H
#define RM_LDCHECK_H

#include "engine.h"

/* An element must share at least this Dice score of word pairs with the
 * articleBody, and beat the scorer's choice by this much, to replace it. */
#define LDCHECK_MIN_AGREEMENT 0.5
#define LDCHECK_MIN_GAIN 0.25

/* Compare the chosen roots (under the drop mask before cleaning) with the
 * page's JSON-LD articleBody. *better is set to an element that matches the
 * articleBody clearly better than the roots do, or RM_NONE (also when there
 * is no usable articleBody). Returns 0, or -1 when out of memory. */
int ldcheck_best_container(const rm_engine *e, const char *ld_body, const int32_t *roots,
                           size_t root_count, int32_t *better);

#endif
