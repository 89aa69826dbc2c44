/* xlsx_deflate.c - the spreadsheet's zip members at zlib's fastest level.
 *
 * libxlsxwriter 1.1.4 compresses every part of the workbook at zlib's default level 6
 * and has no option for it. At level 1 the spreadsheet of 100,000 papers is written in
 * 1.2 s instead of 1.8 s, and is 11 MB instead of 8.6 MB. libxlsxwriter reaches minizip
 * (a shared library of its own) through this one function, so litsurvey's definition is
 * the one it calls; it hands the call on to minizip's with the level changed. Nothing
 * else in litsurvey uses minizip. */
#define _GNU_SOURCE   /* RTLD_NEXT */
#include <dlfcn.h>
#include <minizip/zip.h>

typedef int open_fn(zipFile, const char *, const zip_fileinfo *, const void *, uInt, const void *, uInt,
                    const char *, int, int, int, int, int, int, const char *, uLong, uLong, uLong, int);

int zipOpenNewFileInZip4_64(zipFile file, const char *filename, const zip_fileinfo *zipfi,
                            const void *extrafield_local, uInt size_extrafield_local,
                            const void *extrafield_global, uInt size_extrafield_global, const char *comment,
                            int method, int level, int raw, int windowBits, int memLevel, int strategy,
                            const char *password, uLong crcForCrypting, uLong versionMadeBy, uLong flagBase,
                            int zip64)
{
    static open_fn *next;
    if (!next) {
        /* POSIX lets a data pointer carry a function's address; C does not say so. */
        void *sym = dlsym(RTLD_NEXT, "zipOpenNewFileInZip4_64");
        if (!sym) return ZIP_INTERNALERROR;
        *(void **)&next = sym;
    }
    if (method == Z_DEFLATED) level = Z_BEST_SPEED;
    return next(file, filename, zipfi, extrafield_local, size_extrafield_local, extrafield_global,
                size_extrafield_global, comment, method, level, raw, windowBits, memLevel, strategy, password,
                crcForCrypting, versionMadeBy, flagBase, zip64);
}
