package dev.viewmetrics.jaxrs;

import jakarta.ws.rs.core.UriInfo;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The route of the resource method a request matched, computed once per resource method and once per chain of
 * sub-resource locators, then looked up: a request costs a map lookup, not reflection. A resource method of a root
 * resource is named by the class's and the method's {@code @Path}. A method reached through sub-resource locators
 * adds, in order, the {@code @Path} of each locator on the way; which locator of a class led to the next resource
 * follows from the classes the runtime matched and what each locator returns. Where several locators of one class
 * could have led there, the runtime's own record decides ({@code getMatchedResourceTemplate()} on Jakarta REST 4.0),
 * otherwise the request path is matched against each candidate.
 */
final class ResourceRoutes {

    /** Bound on cached locator chains: they come from the application's classes, but stay bounded all the same. */
    private static final int MAX_CHAINS = 1000;
    /** Bound on the candidates of one chain (locators returning {@code Object} multiply them). */
    private static final int MAX_CANDIDATES = 64;

    /** Routes of root resource methods, kept with their class (and unloaded with it). */
    private static final ClassValue<ConcurrentHashMap<Method, Route>> DIRECT = new ClassValue<>() {
        @Override
        protected ConcurrentHashMap<Method, Route> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    /** Per application: the classes of one web application are not kept by another, nor by a shared class loader. */
    private final ConcurrentHashMap<ChainKey, Chain> chains = new ConcurrentHashMap<>();

    /**
     * The route of {@code method} of {@code resourceClass}, as matched for the current request, or {@code null} when
     * the annotations do not tell. {@code matched} are the runtime's matched resources, the current one first.
     */
    Route of(Class<?> resourceClass, Method method, List<Object> matched, UriInfo uriInfo) {
        if (matched.size() <= 1) {
            ConcurrentHashMap<Method, Route> routes = DIRECT.get(resourceClass);
            Route route = routes.get(method);
            if (route == null) {
                route = routes.computeIfAbsent(method, m -> direct(resourceClass, m));
            }
            return route;
        }
        ChainKey key = ChainKey.of(method, matched);
        Chain chain = chains.get(key);
        if (chain == null) {
            chain = Chain.of(method, key.classes);
            if (chains.size() < MAX_CHAINS) {
                chains.putIfAbsent(key, chain);
            }
        }
        return chain.select(uriInfo);
    }

    /** The unnormalized template (regular expressions kept) of a resource method of a root resource. */
    static String directRawTemplate(Class<?> resourceClass, Method method) {
        String classPath = ResourceModel.classPath(resourceClass);
        return joinRaw(classPath == null ? "" : classPath, ResourceModel.methodPath(method));
    }

    private static Route direct(Class<?> resourceClass, Method method) {
        return new Route(Templates.normalize(directRawTemplate(resourceClass, method)), handler(resourceClass, method));
    }

    /** {@code UserResource#user}: the class (a proxy by the class it subclasses) and method that served the request. */
    static String handler(Class<?> resourceClass, Method method) {
        String name = resourceClass.getSimpleName();
        int proxy = name.indexOf("$$");
        return (proxy > 0 ? name.substring(0, proxy) : name) + "#" + method.getName();
    }

    /** Joins two {@code @Path} values with one slash, keeping their regular expressions. */
    static String joinRaw(String first, String second) {
        String left = first.endsWith("/") ? first.substring(0, first.length() - 1) : first;
        String right = second.startsWith("/") ? second.substring(1) : second;
        if (right.isEmpty()) {
            return left.isEmpty() ? "/" : left;
        }
        return left + "/" + right;
    }

    /** The user class behind a matched resource instance (a proxy subclass is named by what it subclasses). */
    private static Class<?> resourceClass(Object resource) {
        Class<?> type = resource.getClass();
        while (type.isSynthetic() || type.getName().contains("$$")) {
            Class<?> parent = type.getSuperclass();
            if (parent == null || parent == Object.class) {
                break;
            }
            type = parent;
        }
        return type;
    }

    /** A resource method reached through a particular chain of resource classes (the current one first). */
    private record ChainKey(Method method, Class<?>[] classes) {

        static ChainKey of(Method method, List<Object> matched) {
            Class<?>[] classes = new Class<?>[matched.size()];
            for (int i = 0; i < classes.length; i++) {
                classes[i] = resourceClass(matched.get(i));
            }
            return new ChainKey(method, classes);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ChainKey key && key.method.equals(method) && Arrays.equals(key.classes, classes);
        }

        @Override
        public int hashCode() {
            return 31 * method.hashCode() + Arrays.hashCode(classes);
        }

        @Override
        public String toString() {
            return method + " via " + Arrays.toString(classes);
        }
    }

    /** The routes a chain of matched classes may have taken: usually one, then no choice is made per request. */
    private static final class Chain {

        private static final Chain UNKNOWN = new Chain(new Route[0], new String[0]);

        private final Route[] routes;
        private final Pattern[] patterns;

        private Chain(Route[] routes, String[] rawTemplates) {
            this.routes = routes;
            this.patterns = new Pattern[rawTemplates.length];
            if (routes.length > 1) {
                for (int i = 0; i < rawTemplates.length; i++) {
                    patterns[i] = Templates.pattern(rawTemplates[i]);
                }
            }
        }

        /** {@code classes}: the current resource first, the root resource last. */
        static Chain of(Method method, Class<?>[] classes) {
            Class<?> root = classes[classes.length - 1];
            String rootPath = ResourceModel.classPath(root);
            List<String> raw = new ArrayList<>(List.of(rootPath == null ? "" : rootPath));
            for (int i = classes.length - 1; i > 0; i--) {
                List<Method> locators = ResourceModel.locators(classes[i], classes[i - 1]);
                if (locators.isEmpty()) {
                    return UNKNOWN;
                }
                List<String> longer = new ArrayList<>();
                for (String prefix : raw) {
                    for (Method locator : locators) {
                        longer.add(joinRaw(prefix, ResourceModel.methodPath(locator)));
                    }
                }
                if (longer.size() > MAX_CANDIDATES) {
                    return UNKNOWN;
                }
                raw = longer;
            }
            String methodPath = ResourceModel.methodPath(method);
            List<String> templates = new ArrayList<>();
            List<String> distinctRaw = new ArrayList<>();
            for (String prefix : raw) {
                String full = joinRaw(prefix, methodPath);
                String template = Templates.normalize(full);
                if (!templates.contains(template)) {
                    templates.add(template);
                    distinctRaw.add(full);
                }
            }
            // most literal characters first: the order in which Jakarta REST prefers templates
            Integer[] order = new Integer[templates.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Templates.literalCharacters(distinctRaw.get(b))
                    - Templates.literalCharacters(distinctRaw.get(a)));
            String handler = handler(classes[0], method);
            Route[] routes = new Route[order.length];
            String[] sortedRaw = new String[order.length];
            for (int i = 0; i < order.length; i++) {
                routes[i] = new Route(templates.get(order[i]), handler);
                sortedRaw[i] = distinctRaw.get(order[i]);
            }
            return new Chain(routes, sortedRaw);
        }

        /** The candidate the runtime took: by its own record on Jakarta REST 4.0, else by the request path. */
        Route select(UriInfo uriInfo) {
            if (routes.length <= 1) {
                return routes.length == 0 ? null : routes[0];
            }
            if (MatchedTemplate.available()) {
                return byMatchedTemplate(MatchedTemplate.of(uriInfo));
            }
            String path = RequestPaths.withinApplication(uriInfo);
            for (int i = 0; i < routes.length; i++) {
                if (patterns[i].matcher(path).matches()) {
                    return routes[i];
                }
            }
            return null;
        }

        /** The longest candidate the runtime's template ends with (it starts with an {@code @ApplicationPath}). */
        private Route byMatchedTemplate(String matched) {
            if (matched == null) {
                return null;
            }
            String template = Templates.normalize(matched);
            Route best = null;
            for (Route route : routes) {
                if (template.endsWith(route.template)
                        && (best == null || route.template.length() > best.template.length())) {
                    best = route;
                }
            }
            return best;
        }
    }
}
