package dev.viewmetrics.spring.shop;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;

/** Annotated endpoints with path variables. */
@RestController
@RequestMapping("/orders")
public class OrderController {

    @GetMapping("/{orderId}/items/{itemId}")
    public String item(@PathVariable String orderId, @PathVariable String itemId) {
        return "item " + itemId + " of order " + orderId;
    }

    @GetMapping("/{orderId}")
    public String order(@PathVariable String orderId) {
        return "order " + orderId;
    }

    @PostMapping
    public String place() {
        return "placed";
    }

    /** An old URL that forwards to the order page. */
    @GetMapping("/legacy/{orderId}")
    public ModelAndView legacy(@PathVariable String orderId) {
        return new ModelAndView("forward:/orders/" + orderId);
    }
}
