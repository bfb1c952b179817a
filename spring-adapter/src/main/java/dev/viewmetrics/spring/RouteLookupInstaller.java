package dev.viewmetrics.spring;

import dev.viewmetrics.core.RouteLookup;
import jakarta.servlet.ServletContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.web.context.WebApplicationContext;

/**
 * Installs the {@link MvcRouteLookup} of a web application once its Spring context is ready (refreshed), whether
 * that is Spring Boot's single context or a root context with DispatcherServlet contexts below it (their refreshes
 * reach the root's listeners too). One lookup per servlet context, however many contexts declare viewmetrics.
 */
final class RouteLookupInstaller implements ApplicationListener<ContextRefreshedEvent> {

    /** The servlet context attribute marking a web application whose lookup is installed. */
    static final String INSTALLED_ATTRIBUTE = "dev.viewmetrics.spring.route-lookup";

    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
        if (event.getApplicationContext() instanceof WebApplicationContext web && web.getServletContext() != null) {
            install(web.getServletContext());
        }
    }

    static void install(ServletContext servletContext) {
        synchronized (servletContext) {
            if (servletContext.getAttribute(INSTALLED_ATTRIBUTE) == null) {
                servletContext.setAttribute(INSTALLED_ATTRIBUTE, Boolean.TRUE);
                RouteLookup.install(servletContext, new MvcRouteLookup(servletContext));
            }
        }
    }
}
