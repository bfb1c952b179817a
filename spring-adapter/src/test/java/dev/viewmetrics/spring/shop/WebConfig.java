package dev.viewmetrics.spring.shop;

import dev.viewmetrics.spring.testing.EndMarkerController;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The DispatcherServlet configuration of the test shop: controllers, functional routes, static resources. */
@Configuration
@EnableWebMvc
@Import({OrderController.class, PaymentController.class, AsyncController.class, ShopAdvice.class, ShopRoutes.class,
        EndMarkerController.class})
public class WebConfig implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/static/**").addResourceLocations("classpath:/static/");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AsyncDispatchWork());
    }

    @Override
    public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
        configurer.setTaskExecutor(new SimpleAsyncTaskExecutor("test-mvc-async-"));
        configurer.setDefaultTimeout(10_000);
    }
}
