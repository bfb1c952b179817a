package dev.viewmetrics.spring.shop;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Endpoints that fail, each failure handled by a different Spring mechanism (or not at all). */
@RestController
public class PaymentController {

    @GetMapping("/payments/{paymentId}")
    public String payment(@PathVariable String paymentId) {
        throw new PaymentDeclinedException();
    }

    @GetMapping("/refunds/{refundId}")
    public String refund(@PathVariable String refundId) {
        throw new RefundNotFoundException();
    }

    @GetMapping("/limits/{accountId}")
    public String limit(@PathVariable String accountId) {
        throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, "slow down");
    }

    @GetMapping("/quotas/{accountId}")
    public String quota(@PathVariable String accountId) {
        throw new ErrorResponseException(HttpStatus.CONFLICT,
                ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "quota exceeded"), null);
    }

    @GetMapping("/receipts/{receiptId}")
    public String receipt(@PathVariable String receiptId) {
        throw new ReceiptUnavailableException();
    }

    @GetMapping("/ledger/{entryId}")
    public String ledger(@PathVariable String entryId) {
        throw new IllegalStateException("ledger is corrupt");
    }

    @ExceptionHandler
    ResponseEntity<String> declined(PaymentDeclinedException e) {
        return ResponseEntity.status(HttpStatus.PAYMENT_REQUIRED).body("declined");
    }

    /** Handled by the controller's own {@code @ExceptionHandler}. */
    public static class PaymentDeclinedException extends RuntimeException {
    }

    /** Handled by the {@code @ControllerAdvice}. */
    public static class RefundNotFoundException extends RuntimeException {
    }

    /** Handled by the {@code @ControllerAdvice} with an error view. */
    public static class ReceiptUnavailableException extends RuntimeException {
    }
}
