package dev.viewmetrics.spring.bootapp;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.concurrent.Callable;

/** The Boot application's endpoints: synchronous, async, and one whose exception an {@code @ExceptionHandler} handles. */
@RestController
public class InvoiceController {

    /** How long the async endpoint's {@code Callable} takes. */
    public static final long ASYNC_MILLIS = 120;

    @GetMapping("/invoices/{invoiceId}")
    public String invoice(@PathVariable String invoiceId) {
        return "invoice " + invoiceId;
    }

    @GetMapping("/invoices/{invoiceId}/pdf")
    public Callable<String> pdf(@PathVariable String invoiceId) {
        return () -> {
            Thread.sleep(ASYNC_MILLIS);
            return "pdf of " + invoiceId;
        };
    }

    @GetMapping("/invoices/{invoiceId}/void")
    public String voidInvoice(@PathVariable String invoiceId) {
        throw new InvoiceLockedException();
    }

    @ExceptionHandler
    ResponseEntity<String> locked(InvoiceLockedException e) {
        return ResponseEntity.status(HttpStatus.LOCKED).body("locked");
    }

    /** Handled by the controller's {@code @ExceptionHandler}. */
    public static class InvoiceLockedException extends RuntimeException {
    }
}
