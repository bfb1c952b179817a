package dev.viewmetrics.core.record;

/** The {@code status} and {@code outcome} tags of an HTTP status code, without allocating per request. */
public final class Statuses {

    private static final String[] CODES = new String[1000];

    static {
        for (int i = 0; i < CODES.length; i++) {
            CODES[i] = Integer.toString(i).intern();
        }
    }

    private Statuses() {
    }

    /** The {@code status} tag: the numeric code. */
    public static String status(int code) {
        return code >= 0 && code < CODES.length ? CODES[code] : Integer.toString(code);
    }

    /** The {@code outcome} tag: {@code INFORMATIONAL|SUCCESS|REDIRECTION|CLIENT_ERROR|SERVER_ERROR|UNKNOWN}. */
    public static String outcome(int code) {
        switch (code / 100) {
            case 1:
                return "INFORMATIONAL";
            case 2:
                return "SUCCESS";
            case 3:
                return "REDIRECTION";
            case 4:
                return "CLIENT_ERROR";
            case 5:
                return "SERVER_ERROR";
            default:
                return "UNKNOWN";
        }
    }
}
