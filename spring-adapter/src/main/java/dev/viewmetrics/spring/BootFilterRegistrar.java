package dev.viewmetrics.spring;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.Ordered;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

import java.util.EnumSet;

/**
 * When Spring Boot is on the classpath, declares a {@code FilterRegistrationBean} for the filter: first in the chain,
 * on {@code /*}, for {@code REQUEST} and {@code ASYNC} dispatches, async-supported. (Boot would register the bare
 * filter bean for {@code REQUEST} only, missing the async dispatches.) Declared by class name, so this module needs
 * no Boot dependency.
 */
final class BootFilterRegistrar implements ImportBeanDefinitionRegistrar, BeanClassLoaderAware {

    static final String REGISTRATION_CLASS = "org.springframework.boot.web.servlet.FilterRegistrationBean";
    static final String REGISTRATION_BEAN_NAME = ViewMetricsSpring.FILTER_BEAN_NAME + "Registration";

    private ClassLoader classLoader = BootFilterRegistrar.class.getClassLoader();

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata importingClass, BeanDefinitionRegistry registry) {
        if (!ClassUtils.isPresent(REGISTRATION_CLASS, classLoader)
                || registry.containsBeanDefinition(REGISTRATION_BEAN_NAME)) {
            return;
        }
        AbstractBeanDefinition registration = BeanDefinitionBuilder.genericBeanDefinition(REGISTRATION_CLASS)
                .addPropertyReference("filter", ViewMetricsSpring.FILTER_BEAN_NAME)
                .addPropertyValue("name", ViewMetricsSpring.FILTER_BEAN_NAME)
                .addPropertyValue("dispatcherTypes", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC))
                .addPropertyValue("asyncSupported", true)
                .addPropertyValue("order", Ordered.HIGHEST_PRECEDENCE)
                .setRole(BeanDefinition.ROLE_INFRASTRUCTURE)
                .getBeanDefinition();
        registry.registerBeanDefinition(REGISTRATION_BEAN_NAME, registration);
    }
}
