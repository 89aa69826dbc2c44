/* version.h - the version `--version` prints and the online services' User-Agent names. */
#ifndef LIT_VERSION_H
#define LIT_VERSION_H
#ifndef LIT_VERSION
#define LIT_VERSION "0.1.0"
#endif
#endif
