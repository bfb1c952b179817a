package dev.viewmetrics.jaxrs;

/**
 * The route of one resource method (reached one way), relative to the application's base: its template
 * ({@code /users/{id}}) and handler name ({@code UserResource#get}). It remembers the full route for the base it
 * was last asked with, so that reporting a request allocates nothing.
 */
final class Route {

    final String template;
    final String handler;
    private volatile Based last;

    Route(String template, String handler) {
        this.template = template;
        this.handler = handler;
    }

    /** The route relative to the context path: {@code base} ({@code /api}, or {@code ""}) joined with the template. */
    String under(String base) {
        Based based = last;
        if (based != null && based.base.equals(base)) {
            return based.route;
        }
        String route = base.isEmpty() ? template : Templates.join(base, template);
        last = new Based(base, route);
        return route;
    }

    private record Based(String base, String route) {
    }
}
