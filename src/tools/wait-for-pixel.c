/*
 * Waits until one of two screen pixels turns a colour, polling the X server every 5 ms, and prints the
 * wall clock at that moment in milliseconds (or nothing, exit code 1, when the time runs out). A light
 * poller for src/tools/gui-first-frame.sh: ImageMagick's import, started twice a poll, took a core of
 * the machine whose start-up it was timing.
 * Build: cc -O2 -o wait-for-pixel wait-for-pixel.c -lX11
 * Usage: DISPLAY=:99 wait-for-pixel X1 Y1 X2 Y2 RRGGBB TIMEOUT_MS
 */
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static long long now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    return (long long) t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* The pixel at (x, y) of the root window as RRGGBB; -1 when it cannot be read. */
static long pixel(Display *d, Window root, int x, int y) {
    XImage *img = XGetImage(d, root, x, y, 1, 1, AllPlanes, ZPixmap);
    if (img == NULL) {
        return -1;
    }
    unsigned long p = XGetPixel(img, 0, 0);
    XDestroyImage(img);
    return (long) (p & 0xFFFFFF);
}

int main(int argc, char **argv) {
    if (argc != 7) {
        fprintf(stderr, "usage: wait-for-pixel X1 Y1 X2 Y2 RRGGBB TIMEOUT_MS\n");
        return 2;
    }
    int x1 = atoi(argv[1]), y1 = atoi(argv[2]), x2 = atoi(argv[3]), y2 = atoi(argv[4]);
    long colour = strtol(argv[5], NULL, 16);
    long long until = now_ms() + atoll(argv[6]);
    Display *d = XOpenDisplay(NULL);
    if (d == NULL) {
        fprintf(stderr, "wait-for-pixel: cannot open the display %s\n", getenv("DISPLAY") ? getenv("DISPLAY") : "(unset)");
        return 2;
    }
    Window root = DefaultRootWindow(d);
    struct timespec pause = {0, 5 * 1000000};
    while (now_ms() < until) {
        if (pixel(d, root, x1, y1) == colour || pixel(d, root, x2, y2) == colour) {
            printf("%lld\n", now_ms());
            XCloseDisplay(d);
            return 0;
        }
        nanosleep(&pause, NULL);
    }
    XCloseDisplay(d);
    return 1;
}
