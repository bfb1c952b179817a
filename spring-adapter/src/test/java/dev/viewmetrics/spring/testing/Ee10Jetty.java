package dev.viewmetrics.spring.testing;

import jakarta.servlet.ServletContainerInitializer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Handler;

import java.nio.file.Path;
import java.util.Map;

/** Web applications in Jetty's ee10 environment (loaded only when the test classpath holds it). */
final class Ee10Jetty implements WebServer.JettyEnvironment {

    @Override
    public Handler servletContext(String contextPath, ServletContainerInitializer app) {
        ServletContextHandler context = new ServletContextHandler(contextPath.isEmpty() ? "/" : contextPath,
                ServletContextHandler.SESSIONS); // Spring Security keeps the request it redirects to a login page
        context.addServletContainerInitializer(app);
        return context;
    }

    @Override
    public Handler webApp(String contextPath, Path webAppDir, Map<String, String> contextParams) {
        WebAppContext webApp = new WebAppContext(webAppDir.toString(), contextPath.isEmpty() ? "/" : contextPath);
        webApp.setParentLoaderPriority(true);
        webApp.setThrowUnavailableOnStartupException(true);
        contextParams.forEach(webApp::setInitParameter);
        return webApp;
    }

    @Override
    public String servletApiVersion() {
        ServletContextHandler probe = new ServletContextHandler();
        return probe.getServletContext().getMajorVersion() + "." + probe.getServletContext().getMinorVersion();
    }
}
