package dev.viewmetrics.jaxrs.shop;

/** An application exception that {@link ShopMappers.InvoiceLocked} maps to 423 Locked. */
public class InvoiceLockedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvoiceLockedException(String invoiceId) {
        super("invoice " + invoiceId + " is locked");
    }
}
