package dev.viewmetrics.benchmarks;

import dev.viewmetrics.core.ViewMetrics;
import dev.viewmetrics.core.ViewMetricsContext;
import dev.viewmetrics.core.statsd.LineFormat;
import dev.viewmetrics.core.statsd.StatsdLineRegistry;
import dev.viewmetrics.spring.EnableViewMetrics;
import dev.viewmetrics.spring.ViewMetricsSpring;
import io.micrometer.core.instrument.MeterRegistry;
import dev.viewmetrics.core.statsd.StatsdFlavor;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.mock.web.MockFilterConfig;
import org.springframework.mock.web.MockHttpServletMapping;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletConfig;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.springframework.web.servlet.function.RouterFunctions.route;

/**
 * What the Spring adapter's route lookup costs a request Spring MVC never served, and that a served request pays
 * nothing for it. A real Spring MVC application ({@code @EnableWebMvc}, 24 {@code @RequestMapping}s, a functional
 * route and a resource handler, {@code @EnableViewMetrics}, a real {@code DispatcherServlet} initialised in a
 * {@code MockServletContext}) measures each request through its {@code viewMetricsFilter} bean; the chain behind the
 * filter stands for what answered: the handler (it reports the route, as the adapter's interceptor does) or a
 * security filter (it answers 401 and reports nothing). CPU time is off, so the numbers are the route work alone.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class SpringRouteLookupBenchmark {

    private static final String TEMPLATE = "/accounts/{name}/settings";

    private final FilterOverheadBenchmark.LineSink sink = new FilterOverheadBenchmark.LineSink();
    private final MockServletContext servletContext = new MockServletContext();
    private final MockServletContext bareServletContext = new MockServletContext();
    private final MockHttpServletResponse response = new MockHttpServletResponse();
    private AnnotationConfigWebApplicationContext spring;
    private StatsdLineRegistry registry;
    private ViewMetrics bareMetrics;
    private Filter withLookup;
    private Filter withoutLookup;

    private MockHttpServletRequest getSettings;
    private MockHttpServletRequest getSettingsBare;
    private MockHttpServletRequest postSettings;
    private MockHttpServletRequest getNothing;

    /** The handler ran: it reported its route, as the adapter's interceptor does, and answered 200. */
    private final FilterChain served = (request, response) -> {
        ViewMetricsContext.of(request).setRoute(TEMPLATE);
        ((HttpServletResponse) response).setStatus(200);
    };

    /** A security filter answered 401 before any handler ran, reporting nothing. */
    private final FilterChain rejected = (request, response) -> ((HttpServletResponse) response).setStatus(401);

    @Setup(Level.Trial)
    public void setUp() throws ServletException, IOException {
        LineFormat format = LineFormat.of(StatsdFlavor.DATADOG, null, ViewMetrics.DEFAULT_BASE_NAME, Map.of());
        registry = new StatsdLineRegistry(format, sink, Duration.ofSeconds(10));
        Shop.registry = registry;

        spring = new AnnotationConfigWebApplicationContext();
        spring.register(Shop.class);
        spring.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource("bench", Map.of("viewmetrics.cpu-time", "false")));
        DispatcherServlet dispatcher = new DispatcherServlet(spring);
        dispatcher.init(new MockServletConfig(servletContext, "dispatcher")); // refreshes and publishes the context
        withLookup = spring.getBean(ViewMetricsSpring.FILTER_BEAN_NAME, Filter.class);
        withLookup.init(new MockFilterConfig(servletContext, ViewMetricsSpring.FILTER_BEAN_NAME));

        bareMetrics = ViewMetrics.builder().registry(registry).cpuTime(false).build();
        withoutLookup = bareMetrics.filter();
        withoutLookup.init(new MockFilterConfig(bareServletContext, "bare"));

        getSettings = request(servletContext, "GET", "/accounts/alice/settings");
        getSettingsBare = request(bareServletContext, "GET", "/accounts/alice/settings");
        postSettings = request(servletContext, "POST", "/accounts/alice/settings");
        getNothing = request(servletContext, "GET", "/no/such/page");

        check("served", withLookup, getSettings, served, "#route:" + TEMPLATE + ",method:GET,status:200,");
        check("rejected", withLookup, getSettings, rejected, "#route:" + TEMPLATE + ",method:GET,status:401,");
        check("methodNotAllowed", withLookup, postSettings, rejected, "#route:" + TEMPLATE + ",method:POST,");
        check("unmatched", withLookup, getNothing, rejected, "#route:NOT_FOUND,method:GET,status:401,");
        check("rejectedWithoutLookup", withoutLookup, getSettingsBare, rejected,
                "#route:/accounts/alice/settings,method:GET,status:401,");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        spring.close();
        bareMetrics.close();
        registry.close();
    }

    /** A request the handler served: the filter records it under the route the handler reported; no lookup. */
    @Benchmark
    public int served() throws IOException, ServletException {
        return run(withLookup, getSettings, served);
    }

    /** The same request answered 401 by a security filter: the lookup asks the handler mappings (a full match). */
    @Benchmark
    public int rejected() throws IOException, ServletException {
        return run(withLookup, getSettings, rejected);
    }

    /** A POST to the GET-only route, answered 401: Spring refuses the method, the lookup takes the path's pattern. */
    @Benchmark
    public int methodNotAllowed() throws IOException, ServletException {
        return run(withLookup, postSettings, rejected);
    }

    /** A path no mapping matches, answered 401: every handler mapping is asked; nothing matched. */
    @Benchmark
    public int unmatched() throws IOException, ServletException {
        return run(withLookup, getNothing, rejected);
    }

    /** The 401 without the Spring adapter's lookup: the core names it from the path (and leaks the name). */
    @Benchmark
    public int rejectedWithoutLookup() throws IOException, ServletException {
        return run(withoutLookup, getSettingsBare, rejected);
    }

    private int run(Filter filter, MockHttpServletRequest request, FilterChain chain)
            throws IOException, ServletException {
        request.clearAttributes();
        response.setStatus(200);
        filter.doFilter(request, response, chain);
        return response.getStatus();
    }

    private static MockHttpServletRequest request(MockServletContext context, String method, String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest(context, method, uri);
        request.setHttpServletMapping(new MockHttpServletMapping(uri.substring(1), "/", "dispatcher",
                MappingMatch.DEFAULT));
        return request;
    }

    /** Fails the trial unless one request produces a line with {@code expected}; prints it. */
    private void check(String name, Filter filter, MockHttpServletRequest request, FilterChain chain,
            String expected) throws IOException, ServletException {
        long before = sink.lines;
        run(filter, request, chain);
        if (sink.lines == before || sink.last == null || !sink.last.contains(expected)) {
            throw new IllegalStateException(name + ": expected a line containing '" + expected + "', got "
                    + sink.last);
        }
        System.out.println("# " + name + ": " + sink.last);
    }

    /** The benchmark's Spring MVC application. */
    @Configuration(proxyBeanMethods = false)
    @EnableWebMvc
    @EnableViewMetrics
    @Import({Accounts.class, Orders.class, Catalog.class})
    public static class Shop implements WebMvcConfigurer {

        static MeterRegistry registry;

        @Bean
        MeterRegistry meterRegistry() {
            return registry;
        }

        @Bean
        RouterFunction<ServerResponse> teamRoutes() {
            return route().GET("/teams/{teamId}/members/{memberId}", request -> ServerResponse.ok().build()).build();
        }

        @Override
        public void addResourceHandlers(ResourceHandlerRegistry registry) {
            registry.addResourceHandler("/static/**").addResourceLocations("classpath:/static/");
        }
    }

    /** Eight mappings under {@code /accounts}. */
    @RestController
    public static class Accounts {
        @GetMapping("/accounts")
        public String list() {
            return "";
        }

        @PostMapping("/accounts")
        public String create() {
            return "";
        }

        @GetMapping("/accounts/{name}")
        public String show(@PathVariable("name") String name) {
            return name;
        }

        @DeleteMapping("/accounts/{name}")
        public String delete(@PathVariable("name") String name) {
            return name;
        }

        @GetMapping(TEMPLATE)
        public String settings(@PathVariable("name") String name) {
            return name;
        }

        @PutMapping(TEMPLATE)
        public String saveSettings(@PathVariable("name") String name) {
            return name;
        }

        @GetMapping("/accounts/{name}/avatar")
        public String avatar(@PathVariable("name") String name) {
            return name;
        }

        @GetMapping("/accounts/{name}/audit")
        public String audit(@PathVariable("name") String name) {
            return name;
        }
    }

    /** Eight mappings under {@code /orders}. */
    @RestController
    public static class Orders {
        @GetMapping("/orders")
        public String list() {
            return "";
        }

        @PostMapping("/orders")
        public String place() {
            return "";
        }

        @GetMapping("/orders/{orderId}")
        public String show(@PathVariable("orderId") String id) {
            return id;
        }

        @PutMapping("/orders/{orderId}")
        public String update(@PathVariable("orderId") String id) {
            return id;
        }

        @DeleteMapping("/orders/{orderId}")
        public String cancel(@PathVariable("orderId") String id) {
            return id;
        }

        @GetMapping("/orders/{orderId}/items")
        public String items(@PathVariable("orderId") String id) {
            return id;
        }

        @GetMapping("/orders/{orderId}/items/{itemId}")
        public String item(@PathVariable("orderId") String id, @PathVariable("itemId") String item) {
            return item;
        }

        @PostMapping("/orders/{orderId}/items")
        public String addItem(@PathVariable("orderId") String id) {
            return id;
        }
    }

    /** Eight mappings under {@code /products} and {@code /carts}. */
    @RestController
    public static class Catalog {
        @GetMapping("/products")
        public String list() {
            return "";
        }

        @GetMapping("/products/{slug}")
        public String show(@PathVariable("slug") String slug) {
            return slug;
        }

        @GetMapping("/products/{slug}/reviews")
        public String reviews(@PathVariable("slug") String slug) {
            return slug;
        }

        @PostMapping("/products/{slug}/reviews")
        public String review(@PathVariable("slug") String slug) {
            return slug;
        }

        @GetMapping("/carts/{cartId}")
        public String cart(@PathVariable("cartId") String id) {
            return id;
        }

        @PostMapping("/carts/{cartId}/items")
        public String add(@PathVariable("cartId") String id) {
            return id;
        }

        @DeleteMapping("/carts/{cartId}/items/{itemId}")
        public String remove(@PathVariable("cartId") String id, @PathVariable("itemId") String item) {
            return item;
        }

        @PostMapping("/carts/{cartId}/checkout")
        public String checkout(@PathVariable("cartId") String id) {
            return id;
        }
    }
}
