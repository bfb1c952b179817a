package dev.viewmetrics.core.record;

/**
 * The {@code exception} tag: the simple class name of what failed the request, {@code none} otherwise.
 * A {@code ServletException} that only wraps a cause is named after the cause, which is what users look for.
 */
public final class ExceptionNames {

    /** The tag value of a request that did not fail. */
    public static final String NONE = "none";

    private static final ClassValue<String> SIMPLE_NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            String simple = type.getSimpleName();
            if (simple.isEmpty()) {
                String name = type.getName();
                simple = name.substring(name.lastIndexOf('.') + 1);
            }
            return simple;
        }
    };

    private ExceptionNames() {
    }

    /** The tag value for {@code failure}, {@code none} for {@code null}. */
    public static String of(Throwable failure) {
        if (failure == null) {
            return NONE;
        }
        Throwable named = failure;
        while (named.getClass().getName().equals("jakarta.servlet.ServletException") && named.getCause() != null
                && named.getCause() != named) {
            named = named.getCause();
        }
        return SIMPLE_NAMES.get(named.getClass());
    }
}
