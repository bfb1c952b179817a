package dev.viewmetrics.stats;

import dev.viewmetrics.core.ViewMetricsFilter;
import dev.viewmetrics.core.config.ContextEnvironment;
import dev.viewmetrics.core.testing.HelloServlet;
import org.eclipse.jetty.ee10.webapp.WebAppContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real {@code WEB-INF/web.xml} web application at {@code /shop}: the filter on {@code /*}, a hello servlet on
 * {@code /users/*}, and a snippet of {@code web.xml} under test between them.
 */
final class ShopWebApp {

    private ShopWebApp() {
    }

    /** Writes the application into {@code dir} and returns its (unstarted) context, with an empty environment. */
    static WebAppContext with(Path dir, String snippet) throws Exception {
        Path webapp = dir.resolve("webapp");
        Files.createDirectories(webapp.resolve("WEB-INF"));
        Files.writeString(webapp.resolve("WEB-INF/web.xml"), "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\""
                + " version=\"6.0\">\n<filter><filter-name>viewmetrics</filter-name><filter-class>"
                + ViewMetricsFilter.class.getName() + "</filter-class><async-supported>true</async-supported>"
                + "</filter>\n<filter-mapping><filter-name>viewmetrics</filter-name><url-pattern>/*</url-pattern>"
                + "</filter-mapping>\n" + snippet + "\n<servlet><servlet-name>hello</servlet-name><servlet-class>"
                + HelloServlet.class.getName() + "</servlet-class></servlet>\n<servlet-mapping><servlet-name>hello"
                + "</servlet-name><url-pattern>/users/*</url-pattern></servlet-mapping>\n</web-app>\n");
        WebAppContext context = new WebAppContext(webapp.toString(), "/shop");
        context.setParentLoaderPriority(true);
        context.setThrowUnavailableOnStartupException(true);
        context.setAttribute(ContextEnvironment.ATTRIBUTE, Map.of()); // this machine's variables stay out
        return context;
    }
}
