package dev.viewmetrics.sample.spring;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.concurrent.atomic.AtomicLong;

/** Orders: {@code /orders/{orderId}}, {@code /orders/{orderId}/items/{itemId}}, {@code POST /orders} (201). */
@RestController
public class OrderController {

    private final AtomicLong nextOrder = new AtomicLong(1000);

    @GetMapping("/orders/{orderId}")
    public String order(@PathVariable("orderId") String orderId) {
        return "order " + orderId + "\n";
    }

    @GetMapping("/orders/{orderId}/items/{itemId}")
    public String item(@PathVariable("orderId") String orderId, @PathVariable("itemId") String itemId) {
        return "order " + orderId + ", item " + itemId + "\n";
    }

    @PostMapping("/orders")
    @ResponseStatus(HttpStatus.CREATED)
    public String create() {
        return "created order " + nextOrder.incrementAndGet() + "\n";
    }
}
