package dev.viewmetrics.spring.secured;

import dev.viewmetrics.spring.testing.EndMarkerController;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The DispatcherServlet context of the secured plain Spring MVC shop: controllers, a functional route, resources. */
@Configuration(proxyBeanMethods = false)
@EnableWebMvc
@Import({AccountController.class, OrderApiController.class, ProductRoutes.class,
        EndMarkerController.class})
public class SecuredWebConfig implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/static/**").addResourceLocations("classpath:/static/");
    }
}
