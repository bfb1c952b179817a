package dev.viewmetrics.spring.secured;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** An API behind bearer tokens, and a shop page behind form login. */
@RestController
public class OrderApiController {

    @GetMapping("/api/orders/{orderId}")
    public String order(@PathVariable String orderId) {
        return "order " + orderId;
    }

    @GetMapping("/shop/carts/{cartId}")
    public String cart(@PathVariable String cartId) {
        return "cart " + cartId;
    }
}
