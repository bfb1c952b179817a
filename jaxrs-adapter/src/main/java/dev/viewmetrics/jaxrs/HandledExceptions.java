package dev.viewmetrics.jaxrs;

import dev.viewmetrics.core.ViewMetricsContext;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Reports an exception the runtime turned into a response into the request's {@link ViewMetricsContext}, under the
 * exception the application threw: the runtime's and the JDK's wrappers (Jersey's {@code MappableException},
 * RESTEasy's {@code ApplicationException}, {@code CompletionException} and {@code ExecutionException} of async
 * resources) are unwrapped. Only exceptions of a request that matched a resource method are reported: the
 * runtime's own "nothing matched" ({@code NotFoundException}, {@code NotAllowedException}) is no failure.
 */
final class HandledExceptions {

    private static final Set<String> WRAPPERS = Set.of(
            "org.glassfish.jersey.server.internal.process.MappableException",
            "org.jboss.resteasy.spi.ApplicationException");

    private HandledExceptions() {
    }

    /** Reports {@code exception} (unwrapped) as the handled exception of {@code context}, if any; the first wins. */
    static void report(ViewMetricsContext context, Throwable exception) {
        if (context == null || exception == null || context.getRoute() == null || context.getException() != null) {
            return;
        }
        context.setException(unwrap(exception));
    }

    /** The exception inside the runtime's and the JDK's wrappers. */
    static Throwable unwrap(Throwable exception) {
        Throwable current = exception;
        for (int depth = 0; depth < 10 && isWrapper(current) && current.getCause() != null
                && current.getCause() != current; depth++) {
            current = current.getCause();
        }
        return current;
    }

    private static boolean isWrapper(Throwable exception) {
        return exception instanceof CompletionException || exception instanceof ExecutionException
                || exception instanceof InvocationTargetException || exception instanceof UndeclaredThrowableException
                || WRAPPERS.contains(exception.getClass().getName());
    }
}
