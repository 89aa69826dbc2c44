/* surface.c - PDF, SVG or PNG chosen from the file's extension, written through a temporary. */
#include "surface.h"
#include "catalog.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "arena.h"
#include "buf.h"

int lit_format_named(const char *name)
{
    if (strcasecmp(name, "pdf") == 0) return LIT_FMT_PDF;
    if (strcasecmp(name, "svg") == 0) return LIT_FMT_SVG;
    if (strcasecmp(name, "png") == 0) return LIT_FMT_PNG;
    return -1;
}

int lit_format_of(const char *path)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    return dot && !strchr(dot, '/') ? lit_format_named(dot + 1) : -1;
}

void lit_source_date(char buf[32])
{
    long long t = lit_source_date_epoch();
    time_t tt = (time_t)(t > 0 ? t : 0);
    struct tm tm;
    gmtime_r(&tt, &tm);
    strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Keeps the reason of a failed write: cairo has only "error while writing". */
static cairo_status_t write_fp(void *closure, const unsigned char *data, unsigned int len)
{
    lit_surface *sf = closure;
    if (fwrite(data, 1, len, sf->out.fp) == len) return CAIRO_STATUS_SUCCESS;
    if (!sf->write_errno) sf->write_errno = errno ? errno : EIO;
    return CAIRO_STATUS_WRITE_ERROR;
}

static cairo_status_t write_buf(void *closure, const unsigned char *data, unsigned int len)
{
    lit_buf_add(closure, data, len);
    return CAIRO_STATUS_SUCCESS;
}

/* cairo names SVG groups "surfaceN" from a process-wide counter, so a second chart in one
 * run would differ from the same chart alone: number them by first appearance instead. */
static int write_svg(const lit_buf *b, FILE *fp)
{
    const char *p = lit_buf_str(b), *end = p + b->len;
    unsigned long *seen = NULL;
    size_t n = 0, cap = 0;
    while (p < end) {
        const char *q = strstr(p, "surface");
        if (!q) q = end;
        fwrite(p, 1, (size_t)(q - p), fp);
        if (q == end) break;
        fputs("surface", fp);
        p = q + 7;
        if (q > lit_buf_str(b) && (q[-1] == '"' || q[-1] == '#') && *p >= '0' && *p <= '9') {
            char *num_end;
            unsigned long id = strtoul(p, &num_end, 10);
            size_t i;
            for (i = 0; i < n && seen[i] != id; i++) {}
            if (i == n) { LIT_GROW(seen, cap, n + 1); seen[n++] = id; }
            fprintf(fp, "%zu", i + 1);
            p = num_end;
        }
    }
    free(seen);
    return ferror(fp) ? -1 : 0;
}

/* CRC-32 of PNG chunks (ISO 3309, as zlib's). */
static uint32_t png_crc(const unsigned char *p, size_t n)
{
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++) c = (c & 1u) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    }
    return c ^ 0xFFFFFFFFu;
}

static void put_be32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v >> 24), p[1] = (unsigned char)(v >> 16), p[2] = (unsigned char)(v >> 8), p[3] = (unsigned char)v;
}

/* cairo's PNG with a pHYs chunk after IHDR: the resolution it was drawn at, so that a
 * document places it at its intended size (3.33 in at 300 dpi, not 10 in at 96). */
static int write_png_dpi(const lit_buf *png, double dpi, FILE *fp)
{
    const size_t head = 8 + 25;   /* signature, IHDR */
    if (png->len < head || memcmp(png->data + 12, "IHDR", 4) != 0) return fwrite(png->data, 1, png->len, fp) == png->len ? 0 : -1;
    unsigned char chunk[21];
    uint32_t ppm = (uint32_t)lround(dpi / 0.0254);
    put_be32(chunk, 9);
    memcpy(chunk + 4, "pHYs", 4);
    put_be32(chunk + 8, ppm);
    put_be32(chunk + 12, ppm);
    chunk[16] = 1;   /* unit: the metre */
    put_be32(chunk + 17, png_crc(chunk + 4, 13));
    if (fwrite(png->data, 1, head, fp) != head || fwrite(chunk, 1, sizeof chunk, fp) != sizeof chunk ||
        fwrite(png->data + head, 1, png->len - head, fp) != png->len - head)
        return -1;
    return 0;
}

int lit_surface_open(lit_surface *sf, const char *path, int format, double width, double height, double dpi,
                     const char *title, lit_diag *d)
{
    memset(sf, 0, sizeof *sf);
    sf->format = format ? format : lit_format_of(path);
    if (sf->format < 0)
        return lit_error(d, NULL, 0, 0, "cannot tell the format of '%s' (use .pdf, .svg or .png)", path);
    if (!(width > 0 && height > 0)) return lit_error(d, NULL, 0, 0, "empty page size for '%s'", path);
    if (lit_outfile_open(&sf->out, path, d) < 0) return -1;
    sf->width = width;
    sf->height = height;
    switch (sf->format) {
    case LIT_FMT_PDF: {
        sf->surf = cairo_pdf_surface_create_for_stream(write_fp, sf, width, height);
        char date[32];
        lit_source_date(date);
        cairo_pdf_surface_set_metadata(sf->surf, CAIRO_PDF_METADATA_CREATE_DATE, date);
        cairo_pdf_surface_set_metadata(sf->surf, CAIRO_PDF_METADATA_MOD_DATE, date);
        cairo_pdf_surface_set_metadata(sf->surf, CAIRO_PDF_METADATA_CREATOR, "litsurvey");
        if (title) cairo_pdf_surface_set_metadata(sf->surf, CAIRO_PDF_METADATA_TITLE, title);
        break;
    }
    case LIT_FMT_SVG:
        sf->svg = lit_xcalloc(1, sizeof(lit_buf));
        sf->surf = cairo_svg_surface_create_for_stream(write_buf, sf->svg, width, height);
        cairo_svg_surface_set_document_unit(sf->surf, CAIRO_SVG_UNIT_PT);
        break;
    default: {
        if (!(dpi > 0)) dpi = 144;
        double px_w = ceil(width * dpi / 72 - 1e-6), px_h = ceil(height * dpi / 72 - 1e-6);
        if (px_w > 30000 || px_h > 30000) {
            lit_outfile_abort(&sf->out);
            return lit_error(d, NULL, 0, 0, "PNG of %.0fx%.0f pixels is too large", px_w, px_h);
        }
        sf->px_w = (int)px_w;
        sf->px_h = (int)px_h;
        sf->dpi = dpi;
        sf->surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, sf->px_w, sf->px_h);
        break;
    }
    }
    sf->cr = cairo_create(sf->surf);
    if (sf->format == LIT_FMT_PNG) cairo_scale(sf->cr, dpi / 72, dpi / 72);
    if (cairo_surface_status(sf->surf) != CAIRO_STATUS_SUCCESS) {
        lit_io_error(d, path, "cannot create the drawing surface: %s",
                     cairo_status_to_string(cairo_surface_status(sf->surf)));
        lit_surface_abort(sf);
        return -1;
    }
    return 0;
}

int lit_surface_next_page(lit_surface *sf, double width, double height, lit_diag *d)
{
    if (sf->format != LIT_FMT_PDF)
        return lit_error(d, NULL, 0, 0, "only a PDF can have several pages ('%s')", sf->out.path);
    cairo_show_page(sf->cr);
    cairo_pdf_surface_set_size(sf->surf, width, height);
    sf->width = width;
    sf->height = height;
    return 0;
}

static void release(lit_surface *sf)
{
    if (sf->cr) cairo_destroy(sf->cr);
    if (sf->surf) cairo_surface_destroy(sf->surf);
    sf->cr = NULL;
    sf->surf = NULL;
    if (sf->svg) {
        lit_buf_free(sf->svg);
        free(sf->svg);
        sf->svg = NULL;
    }
}

int lit_surface_close(lit_surface *sf, lit_diag *d)
{
    cairo_status_t st = cairo_status(sf->cr);
    if (st == CAIRO_STATUS_SUCCESS) {
        if (sf->format == LIT_FMT_PNG) {
            cairo_surface_flush(sf->surf);
            lit_buf png = LIT_BUF_INIT;
            st = cairo_surface_write_to_png_stream(sf->surf, write_buf, &png);
            if (st == CAIRO_STATUS_SUCCESS && write_png_dpi(&png, sf->dpi, sf->out.fp) < 0) {
                st = CAIRO_STATUS_WRITE_ERROR;
                sf->write_errno = errno ? errno : EIO;
            }
            lit_buf_free(&png);
        } else {
            cairo_surface_finish(sf->surf);
            st = cairo_surface_status(sf->surf);
            if (st == CAIRO_STATUS_SUCCESS && sf->svg && write_svg(sf->svg, sf->out.fp) < 0) {
                st = CAIRO_STATUS_WRITE_ERROR;
                sf->write_errno = errno ? errno : EIO;
            }
        }
    }
    release(sf);
    if (st != CAIRO_STATUS_SUCCESS || sf->write_errno) {
        lit_outfile_abort(&sf->out);
        return lit_io_error(d, lit_outfile_name(&sf->out), "cannot write: %s",
                            sf->write_errno ? strerror(sf->write_errno) : cairo_status_to_string(st));
    }
    return lit_outfile_commit(&sf->out, d);
}

void lit_surface_abort(lit_surface *sf)
{
    release(sf);
    lit_outfile_abort(&sf->out);
}
