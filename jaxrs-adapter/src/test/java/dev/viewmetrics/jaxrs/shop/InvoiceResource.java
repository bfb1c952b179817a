package dev.viewmetrics.jaxrs.shop;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Exceptions turned into responses: by the application's mapper, by Jakarta REST itself, by the default mapper. */
@Path("invoices")
public class InvoiceResource {

    @GET
    @Path("{invoiceId}")
    public String invoice(@PathParam("invoiceId") String invoiceId) {
        throw new NotFoundException("no invoice " + invoiceId);
    }

    @POST
    @Path("{invoiceId}/void")
    public String voidInvoice(@PathParam("invoiceId") String invoiceId) {
        throw new InvoiceLockedException(invoiceId);
    }

    @GET
    @Path("{invoiceId}/pdf")
    public String pdf(@PathParam("invoiceId") String invoiceId) {
        throw new IllegalStateException("renderer down");
    }
}
