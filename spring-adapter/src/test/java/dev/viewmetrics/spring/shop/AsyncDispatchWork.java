package dev.viewmetrics.spring.shop;

import dev.viewmetrics.spring.testing.Cpu;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/** Burns {@code ?asyncDispatchCpu=} milliseconds of CPU in the async dispatch of a request, and only there. */
public class AsyncDispatchWork implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String millis = request.getParameter("asyncDispatchCpu");
        if (millis != null && request.getDispatcherType() == DispatcherType.ASYNC) {
            Cpu.burn(Long.parseLong(millis));
        }
        return true;
    }
}
