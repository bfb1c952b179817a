package dev.viewmetrics.spring.shop;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

import java.nio.charset.StandardCharsets;

/** Application-wide exception handling: a response entity for one exception, an error view for another. */
@ControllerAdvice
public class ShopAdvice {

    private static final View UNAVAILABLE_PAGE = (model, request, response) -> {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setContentType("text/plain");
        response.getOutputStream().write("receipts are unavailable".getBytes(StandardCharsets.UTF_8));
    };

    @ExceptionHandler
    ResponseEntity<String> refundMissing(PaymentController.RefundNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body("no such refund");
    }

    @ExceptionHandler
    ModelAndView receiptUnavailable(PaymentController.ReceiptUnavailableException e) {
        return new ModelAndView(UNAVAILABLE_PAGE);
    }
}
