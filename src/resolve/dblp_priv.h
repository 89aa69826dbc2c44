/* dblp_priv.h - what the DBLP reader, index writer and index reader share: records as read and the file format. */
#ifndef LIT_DBLP_PRIV_H
#define LIT_DBLP_PRIV_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "arena.h"
#include "buf.h"
#include "diag.h"

/* ---- records as the XML reader gives them ---- */

enum dblp_type { DBLP_ARTICLE, DBLP_INPROCEEDINGS, DBLP_PROCEEDINGS, DBLP_BOOK, DBLP_INCOLLECTION,
                 DBLP_PHDTHESIS, DBLP_MASTERSTHESIS, DBLP_N_TYPES };
extern const char *const lit_dblp_type_names[DBLP_N_TYPES];

/* The fields that go into a paper's bib map, in the order they are written there.
 * Those marked interned repeat across records and are stored once in the index. */
enum dblp_field { F_BOOKTITLE, F_JOURNAL, F_VOLUME, F_NUMBER, F_PAGES, F_MONTH, F_PUBLISHER, F_SERIES,
                  F_SCHOOL, F_ISBN, F_N };
extern const char *const lit_dblp_field_names[F_N];
#define DBLP_FIELD_INTERNED(f) ((f) == F_BOOKTITLE || (f) == F_JOURNAL || (f) == F_PUBLISHER || \
                                (f) == F_SERIES || (f) == F_SCHOOL)

/* Longest field value (a title, a name) a record may have; longer ones skip the record. */
#define DBLP_MAX_FIELD (64 * 1024)

typedef struct dblp_rec {
    int type;                  /* enum dblp_type */
    const char *key, *title;   /* UTF-8, white space runs made one space */
    const char **authors;      /* homonym digits dropped */
    size_t n_authors;
    int year;                  /* 0: none */
    const char *f[F_N];        /* NULL when absent; pages as DBLP writes them (12-34) */
    const char *doi;           /* from the first doi.org <ee>, as written */
    const char *arxiv;         /* without version */
    const char *ee;            /* the first <ee> that is not a DOI link */
    const char *crossref;      /* key of the proceedings or book */
    long line, col;            /* where the record starts in the dump */
} dblp_rec;

/* Called for each record kept, in dump order; the record is valid during the call.
 * A nonzero return stops the reading (the callback has reported why). */
typedef int (*dblp_rec_fn)(void *ctx, const dblp_rec *r);

/* Reads the dump (dblp.xml or .gz, DTD beside it), calling fn per record, in dump
 * order, from the calling thread. The dump is cut at record boundaries into pieces that
 * threads parse side by side; their records and messages come out in dump order, so
 * the result does not depend on the threads. Returns 0, or -1 with located errors in d. */
int lit_dblp_read(const char *xml_path, dblp_rec_fn fn, void *ctx, lit_diag *d);

/* ---- one piece of the dump parsed (dblp_xml.c), for dblp_read.c ---- */

enum { O_KEY, O_TITLE, O_DOI, O_ARXIV, O_EE, O_CROSSREF, O_F, O_N = O_F + F_N };
typedef struct dblp_brec { int type, year; long line, col; size_t n_authors, authors, off[O_N]; } dblp_brec;

/* A message about the piece, said by the reader in order. */
enum { M_ERROR, M_IO_ERROR, M_WARN_XML, M_WARN_SKIP };
typedef struct dblp_msg { int kind; long line, col; char *file; char *text; } dblp_msg;

/* The records of a piece, their strings in text (offsets; SIZE_MAX for none), and the
 * messages about it; fatal when the piece is not well-formed (records after the error
 * are missing). */
typedef struct dblp_batch {
    lit_buf text;
    dblp_brec *r;
    size_t n, cap;
    dblp_msg *m;
    size_t nm, capm;
    bool fatal, root_seen;
} dblp_batch;

/* Where a piece is in the dump: its lines are the dump's from first_line on, shifted by
 * line_shift (doc line + line_shift = dump line); on the piece's first line (doc line
 * first_doc_line) columns are shifted by col_shift. */
typedef struct dblp_place { const char *path; long line_shift, first_doc_line, col_shift; bool first_piece; } dblp_place;

/* Parses doc (a whole XML document: DBLP's header, records, </dblp>) into b (cleared
 * first). The DTD is found beside pl->path. */
void lit_dblp_parse_doc(const char *doc, size_t len, const dblp_place *pl, dblp_batch *b);
void lit_dblp_batch_free(dblp_batch *b);
void lit_dblp_msg_add(dblp_batch *b, int kind, const char *file, long line, long col, const char *text);

/* Drops DBLP's homonym number from a name in place: "Wei Wang 0002" -> "Wei Wang". */
void lit_dblp_strip_homonym(char *name);
/* Drops the full stop DBLP ends titles with ("Jim Gray, astronomer."), not one that
 * ends an abbreviation ("... to A.I."), in place. */
void lit_dblp_strip_title_stop(char *title);
/* A field value as a paper's bib map holds it (LaTeX source: the ten specials escaped;
 * pages with BibTeX's en dash), in a's memory; the online records use it too. */
const char *lit_dblp_tex_value(lit_arena *a, const char *s, size_t n, bool pages);

/* ---- the index file ----
 * A header (DBLP_HDR_SIZE bytes: magic, version, sizes, the section table and a checksum
 * of itself), then sections, all integers little-endian:
 *   RECORDS   the records, each encoded as dblp_build.c's put_record writes it
 *   RECOFF    n+1 u64: where record i starts in RECORDS
 *   SUMMARY   n x {u16 year, u8 title words, u8 type}: fuzzy ranking without decoding
 *   SIGS      n x u64: the title's words as bits (dblp_sig_bits), which of a query's
 *             words a record has, without reading those words' postings
 *   STROFF    m+1 u32: where string j starts in STRINGS
 *   STRINGS   the strings records share (names, venues, publishers, the start of keys
 *             and DOIs: conf/sosp/, 10.1145/), NUL-terminated
 *   TOKOFF, TOKENS   the same for the words of titles as written (PipeDream:, for)
 *   KEYS, TITLES, DOIS, ARXIVS   hash tables (below): DBLP key, normalised title,
 *             lower-case DOI, arXiv id -> record
 *   POSTINGS  per word, the records whose titles have it: varint deltas, ascending
 *   WORDS     hash table: word of a normalised title -> its postings
 * A hash table is {u32 bits, u32 entry size, u64 entries}, a directory of 2^bits+1 u32
 * (where the entries whose hash starts with those bits begin), then the entries sorted
 * by (hash, value): u64 hash then u32 record, or for WORDS u64 hash, u64 postings offset,
 * u32 count. */
#define DBLP_MAGIC "LITDBLP\0"
#define DBLP_VERSION 1
#define DBLP_HDR_SIZE 512
enum dblp_section { S_RECORDS, S_RECOFF, S_SUMMARY, S_SIGS, S_STROFF, S_STRINGS, S_TOKOFF, S_TOKENS, S_KEYS,
                    S_TITLES, S_DOIS, S_ARXIVS, S_POSTINGS, S_WORDS, S_N };
/* header layout: offsets of its fields */
enum { H_MAGIC = 0, H_VERSION = 8, H_HDRSIZE = 12, H_FILESIZE = 16, H_NRECORDS = 24, H_NSTRINGS = 32,
       H_NWORDS = 40, H_NORM = 48, H_NTOKENS = 56, H_NSECTIONS = 64, H_SECTIONS = 72, H_CHECKSUM = DBLP_HDR_SIZE - 8 };
_Static_assert(H_SECTIONS + 16 * S_N <= H_CHECKSUM, "the section table fits the header");
#define DBLP_TABLE_HDR 16
#define DBLP_REC_ENTRY 12
#define DBLP_WORD_ENTRY 20
#define DBLP_MAX_TITLE_WORDS 255
/* A record's flags: bit f for field f present, then these. */
enum { R_DOI = 1 << F_N, R_ARXIV = 2 << F_N, R_EE = 4 << F_N, R_CROSSREF = 8 << F_N, R_ALL = 16 << F_N };

static inline void dblp_put64(unsigned char *p, uint64_t v) { for (int i = 0; i < 8; i++) p[i] = (unsigned char)(v >> (8 * i)); }
static inline void dblp_put32(unsigned char *p, uint32_t v) { for (int i = 0; i < 4; i++) p[i] = (unsigned char)(v >> (8 * i)); }
static inline uint64_t dblp_get64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--) v = v << 8 | p[i];
    return v;
}
static inline uint32_t dblp_get32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* 64-bit hash of n bytes (FNV-1a with a final mix, so that its top bits spread). */
static inline uint64_t dblp_hash(const void *s, size_t n)
{
    const unsigned char *p = s;
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 1099511628211ULL;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

/* A word's two bits in a title signature (from its hash). */
static inline uint64_t dblp_sig_bits(uint64_t word_hash)
{
    return (uint64_t)1 << (word_hash & 63) | (uint64_t)1 << (word_hash >> 6 & 63);
}

/* Directory bits for a table of n entries: about 4 entries per slot. */
static inline unsigned dblp_dir_bits(uint64_t n)
{
    unsigned b = 0;
    while (b < 24 && ((uint64_t)1 << (b + 2)) < n) b++;
    return b;
}

/* The title normalisation the index was built with, as one number: a different one
 * (lit_title_norm changed) makes the TITLES and WORDS tables wrong, so open refuses. */
uint64_t lit_dblp_norm_probe(void);

/* Lower-case ASCII copy of a DOI for its hash key (DOIs are case-insensitive). */
void lit_dblp_doi_key(const char *doi, char *out, size_t cap);

#endif
