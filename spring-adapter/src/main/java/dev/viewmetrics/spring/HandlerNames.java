package dev.viewmetrics.spring;

import org.springframework.util.ClassUtils;
import org.springframework.web.method.HandlerMethod;

import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code handler} tag value of a Spring MVC handler: {@code OrderController#item} for a controller method, the
 * simple class name for other handlers ({@code ResourceHttpRequestHandler}), none for lambdas such as functional
 * {@code HandlerFunction}s. Names are computed once per handler and reused.
 */
final class HandlerNames {

    private static final ClassValue<ConcurrentHashMap<Method, String>> METHOD_NAMES = new ClassValue<>() {
        @Override
        protected ConcurrentHashMap<Method, String> computeValue(Class<?> beanType) {
            return new ConcurrentHashMap<>();
        }
    };

    private static final ClassValue<String> CLASS_NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            Class<?> user = ClassUtils.getUserClass(type);
            if (user.isHidden() || user.isSynthetic() || user.isAnonymousClass() || user.getSimpleName().isEmpty()) {
                return "";
            }
            return user.getSimpleName();
        }
    };

    private HandlerNames() {
    }

    /** The name of {@code handler}, or {@code null} when it has no useful one. */
    static String of(Object handler) {
        if (handler instanceof HandlerMethod) {
            HandlerMethod method = (HandlerMethod) handler;
            Class<?> beanType = method.getBeanType();
            ConcurrentHashMap<Method, String> names = METHOD_NAMES.get(beanType);
            String name = names.get(method.getMethod()); // no capturing lambda per request once named
            return name != null ? name
                    : names.computeIfAbsent(method.getMethod(), m -> typeName(beanType) + "#" + m.getName());
        }
        if (handler == null) {
            return null;
        }
        String name = CLASS_NAMES.get(handler.getClass());
        return name.isEmpty() ? null : name;
    }

    private static String typeName(Class<?> beanType) {
        String name = CLASS_NAMES.get(beanType);
        return name.isEmpty() ? ClassUtils.getShortName(beanType) : name;
    }
}
