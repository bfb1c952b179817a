package dev.viewmetrics.stats;

import dev.viewmetrics.core.testing.LoopbackServer;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A {@code web.xml} written for viewmetrics 0.1 names the page and the listener by their first package: it works. */
class FirstNamesTest {

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("deprecation")
    void webXmlNamingTheFirstPackageServesThePageAndWritesTheReports() throws Exception {
        Path reports = Files.createDirectories(dir.resolve("reports"));
        WebAppContext context = ShopWebApp.with(dir, """
                <context-param><param-name>service</param-name><param-value>legacy</param-value></context-param>
                <context-param><param-name>report.json</param-name><param-value>true</param-value></context-param>
                <context-param><param-name>report.file</param-name><param-value>%s</param-value></context-param>
                <listener><listener-class>dev.viewmetrics.core.report.ReportingListener</listener-class></listener>
                <servlet><servlet-name>stats</servlet-name>
                  <servlet-class>dev.viewmetrics.core.report.StatsServlet</servlet-class></servlet>
                <servlet-mapping><servlet-name>stats</servlet-name>
                  <url-pattern>/admin/stats</url-pattern></servlet-mapping>
                """.formatted(reports.resolve("shop.json")));
        try (LoopbackServer server = LoopbackServer.start(context)) {
            assertThat(server.get("/shop/users/42").statusCode()).isEqualTo(200);

            HttpResponse<String> page = server.get("/shop/admin/stats?format=json&history=false");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("\"route\":\"/shop/users/{id}\"");
            assertThat(context.getEventListeners())
                    .anyMatch(dev.viewmetrics.core.report.ReportingListener.class::isInstance);
        }
        assertThat(Files.readString(reports.resolve("shop.json"))).as("the final report, written at close")
                .contains("/shop/users/{id}");
    }
}
