package dev.viewmetrics.core.record;

/** The {@code method} tag: one of the standard HTTP methods, anything else {@code OTHER}; no allocation. */
public final class HttpMethods {

    /** Tag values by index; the last is {@code OTHER}. */
    static final String[] NAMES = {"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH",
        "OTHER"};

    /** Number of distinct method tag values. */
    public static final int COUNT = NAMES.length;

    private HttpMethods() {
    }

    /** The index of {@code method}'s tag value (methods are case-sensitive, as in HTTP). */
    public static int index(String method) {
        if (method == null) {
            return COUNT - 1;
        }
        switch (method) {
            case "GET":
                return 0;
            case "HEAD":
                return 1;
            case "POST":
                return 2;
            case "PUT":
                return 3;
            case "DELETE":
                return 4;
            case "CONNECT":
                return 5;
            case "OPTIONS":
                return 6;
            case "TRACE":
                return 7;
            case "PATCH":
                return 8;
            default:
                return COUNT - 1;
        }
    }

    /** The tag value at {@code index}. */
    public static String name(int index) {
        return NAMES[index];
    }
}
