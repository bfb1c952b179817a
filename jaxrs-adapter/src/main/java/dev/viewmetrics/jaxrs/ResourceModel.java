package dev.viewmetrics.jaxrs;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * What the {@code @Path} annotations of resource classes say, read as Jakarta REST reads them: a method without
 * Jakarta REST annotations inherits those of the method it overrides or implements (a superclass first, then
 * interfaces), and a class's {@code @Path} may sit on a superclass (a proxy subclassing the resource). Only called
 * when a template is first computed; the results are cached by {@link ResourceRoutes}.
 */
final class ResourceModel {

    private ResourceModel() {
    }

    /** The class-level {@code @Path} of a root resource class (or of what it subclasses), {@code null} if none. */
    static String classPath(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Path path = c.getAnnotation(Path.class);
            if (path != null) {
                return path.value();
            }
            for (Class<?> contract : c.getInterfaces()) {
                Path declared = contract.getAnnotation(Path.class);
                if (declared != null) {
                    return declared.value();
                }
            }
        }
        return null;
    }

    /** The method-level {@code @Path} of a resource method or locator, {@code ""} for a method without one. */
    static String methodPath(Method method) {
        Path path = definition(method).getAnnotation(Path.class);
        return path == null ? "" : path.value();
    }

    /**
     * The sub-resource locators of {@code owner} through which the runtime may have reached an instance of
     * {@code next}: those returning a type {@code next} is.
     */
    static List<Method> locators(Class<?> owner, Class<?> next) {
        List<Method> found = new ArrayList<>();
        for (Method locator : locators(owner)) {
            if (returnsAnInstanceOf(locator, next)) {
                found.add(locator);
            }
        }
        return found;
    }

    /** The sub-resource locators of {@code owner}: public methods with a {@code @Path} and no HTTP method. */
    static List<Method> locators(Class<?> owner) {
        List<Method> found = new ArrayList<>();
        for (Method method : resourceCandidates(owner)) {
            Method definition = definition(method);
            if (definition.isAnnotationPresent(Path.class) && !hasHttpMethod(definition)) {
                found.add(method);
            }
        }
        return found;
    }

    /** The resource methods of {@code owner}: public methods with an HTTP method. */
    static List<Method> resourceMethods(Class<?> owner) {
        List<Method> found = new ArrayList<>();
        for (Method method : resourceCandidates(owner)) {
            if (hasHttpMethod(definition(method))) {
                found.add(method);
            }
        }
        return found;
    }

    private static List<Method> resourceCandidates(Class<?> owner) {
        List<Method> candidates = new ArrayList<>();
        for (Method method : owner.getMethods()) {
            if (!method.isBridge() && !method.isSynthetic() && !Modifier.isStatic(method.getModifiers())
                    && method.getDeclaringClass() != Object.class) {
                candidates.add(method);
            }
        }
        return candidates;
    }

    /** {@code Class<?>} locators return a class the runtime instantiates; {@code Object} ones anything. */
    private static boolean returnsAnInstanceOf(Method locator, Class<?> next) {
        Class<?> returned = locator.getReturnType();
        return returned == Class.class || returned.isAssignableFrom(next);
    }

    /** The method whose Jakarta REST annotations apply to {@code method}: itself, or the one it inherits them from. */
    static Method definition(Method method) {
        if (isAnnotated(method)) {
            return method;
        }
        Class<?> owner = method.getDeclaringClass();
        for (Class<?> c = owner.getSuperclass(); c != null && c != Object.class; c = c.getSuperclass()) {
            Method inherited = declared(c, method);
            if (inherited != null && isAnnotated(inherited)) {
                return inherited;
            }
        }
        for (Class<?> c = owner; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Class<?> contract : c.getInterfaces()) {
                Method inherited = declared(contract, method);
                if (inherited != null && isAnnotated(inherited)) {
                    return inherited;
                }
            }
        }
        return method;
    }

    private static Method declared(Class<?> type, Method method) {
        try {
            return type.getDeclaredMethod(method.getName(), method.getParameterTypes());
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static boolean isAnnotated(Method method) {
        return method.isAnnotationPresent(Path.class) || hasHttpMethod(method);
    }

    private static boolean hasHttpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
                return true;
            }
        }
        return false;
    }
}
