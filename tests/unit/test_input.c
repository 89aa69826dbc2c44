/* test_input.c - the input limit: sizes as --max-input reads them, a regular file refused
 * by its size, a stream stopped at the limit, and what fits read whole. */
#include <fcntl.h>
#include "check.h"
#include "input.h"

static size_t size_of(const char *s)
{
    size_t v = 0;
    return lit_input_parse_size(s, &v) == 0 ? v : 0;
}

int main(void)
{
    CHECK_INT(size_of("1048576"), 1048576);
    CHECK_INT(size_of("64K"), 65536);
    CHECK_INT(size_of("64k"), 65536);
    CHECK_INT(size_of("2M"), 2097152);
    CHECK_INT(size_of("1G"), 1073741824);
    CHECK_INT(size_of("1GB"), 1073741824);
    CHECK_INT(size_of("1GiB"), 1073741824);
    CHECK_INT(size_of("100B"), 100);
    CHECK_INT(size_of("100iB"), 0);
    CHECK_INT(size_of("0"), 0);
    CHECK_INT(size_of("-1"), 0);
    CHECK_INT(size_of("lots"), 0);
    CHECK_INT(size_of("1X"), 0);
    CHECK_INT(size_of("99999999999999999999"), 0);
    CHECK_INT(lit_input_limit(), LIT_INPUT_LIMIT_DEFAULT);

    char *buf = NULL, *data = NULL;
    size_t blen = 0, len = 0;
    FILE *out = open_memstream(&buf, &blen);
    lit_diag d;
    lit_diag_init(&d, out);
    lit_input_set_limit(16);
    char *path = check_write_tmp("in.txt", "0123456789abcdef");   /* 16 bytes: fits */
    CHECK_INT(lit_read_file(path, &data, &len, &d), 0);
    CHECK_INT(len, 16);
    CHECK_STR(data, "0123456789abcdef");
    free(data);
    free(path);
    path = check_write_tmp("big.txt", "0123456789abcdefg");   /* 17: refused by its size */
    CHECK_INT(lit_read_file(path, &data, &len, &d), -1);
    fflush(out);
    CHECK(strstr(buf, "big.txt: error: 17 bytes is larger than the input limit of 16 bytes (--max-input SIZE raises it)\n") != NULL);
    CHECK_INT(d.io_errors, 1);
    free(path);

    int fd = open("/dev/zero", O_RDONLY);   /* a stream: read up to the limit, then refused */
    CHECK_INT(lit_read_fd(fd, "/dev/zero", &data, &len, &d), -1);
    close(fd);
    fflush(out);
    CHECK(strstr(buf, "/dev/zero: error: more than the input limit of 16 bytes without an end") != NULL);
    int p[2];
    CHECK(pipe(p) == 0);
    CHECK(write(p[1], "short", 5) == 5);
    close(p[1]);
    CHECK_INT(lit_read_fd(p[0], "pipe", &data, &len, &d), 0);   /* a stream under the limit */
    close(p[0]);
    CHECK_INT(len, 5);
    CHECK_STR(data, "short");
    free(data);
    lit_input_set_limit(LIT_INPUT_LIMIT_DEFAULT);
    fclose(out);
    free(buf);
    return CHECK_DONE();
}
