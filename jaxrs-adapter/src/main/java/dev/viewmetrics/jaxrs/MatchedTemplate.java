package dev.viewmetrics.jaxrs;

import jakarta.ws.rs.core.UriInfo;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Jakarta REST 4.0's {@code UriInfo.getMatchedResourceTemplate()}: the runtime's own record of every template it
 * matched, {@code @ApplicationPath} first. Looked up once; absent on Jakarta REST 3.1 runtimes.
 */
final class MatchedTemplate {

    private static final MethodHandle GETTER = find();

    private MatchedTemplate() {
    }

    /** Whether the runtime implements Jakarta REST 4.0. */
    static boolean available() {
        return GETTER != null;
    }

    /** What the runtime matched for the current request, or {@code null} when it cannot say. */
    static String of(UriInfo uriInfo) {
        if (GETTER == null) {
            return null;
        }
        try {
            String template = (String) GETTER.invokeExact(uriInfo);
            return template == null || template.isEmpty() ? null : template;
        } catch (Throwable e) {
            return null; // an implementation that declares the method but does not support it
        }
    }

    private static MethodHandle find() {
        try {
            return MethodHandles.publicLookup().findVirtual(UriInfo.class, "getMatchedResourceTemplate",
                    MethodType.methodType(String.class));
        } catch (NoSuchMethodException | IllegalAccessException jakartaRest31) {
            return null;
        }
    }
}
