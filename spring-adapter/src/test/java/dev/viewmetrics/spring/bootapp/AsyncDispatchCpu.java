package dev.viewmetrics.spring.bootapp;

import dev.viewmetrics.spring.testing.Cpu;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Burns {@link #MILLIS} of CPU in every async dispatch: only a filter mapped for {@code ASYNC} dispatches counts it,
 * which makes that mapping visible in {@code view.cpu}.
 */
@Configuration
public class AsyncDispatchCpu implements WebMvcConfigurer, HandlerInterceptor {

    /** CPU burnt by each async dispatch. */
    public static final long MILLIS = 80;

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            Cpu.burn(MILLIS);
        }
        return true;
    }
}
