package dev.viewmetrics.spring.boot.shop;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** The shop's endpoints: one with a path variable, one that burns a given amount of CPU time. */
@RestController
public class OrderController {

    @GetMapping("/orders/{orderId}")
    public String order(@PathVariable String orderId) {
        return "order " + orderId;
    }

    @GetMapping("/work/cpu")
    public String cpu(@RequestParam long ms) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        long spins = 0;
        while (threads.getCurrentThreadCpuTime() - start < ms * 1_000_000L) {
            spins++;
        }
        return "burnt " + ms + " ms in " + spins + " spins";
    }
}
