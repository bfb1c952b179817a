package dev.viewmetrics.benchmarks;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;

/**
 * A benchmark fixture, not a test mock: the response of {@link BenchRequest}, holding only a status and whether it
 * was committed; it writes no body. {@link #reset()} makes it a fresh response. What a filter has no business
 * calling on the measured path throws.
 */
final class BenchResponse implements HttpServletResponse {

    private int status = SC_OK;
    private boolean committed;

    /** A fresh response: status 200, not committed. */
    @Override
    public void reset() {
        status = SC_OK;
        committed = false;
    }

    @Override
    public void setStatus(int sc) {
        status = sc;
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public boolean isCommitted() {
        return committed;
    }

    @Override
    public void sendError(int sc, String msg) {
        status = sc;
        committed = true;
    }

    @Override
    public void sendError(int sc) {
        sendError(sc, null);
    }

    @Override
    public void flushBuffer() {
        committed = true;
    }

    @Override
    public boolean containsHeader(String name) {
        return false;
    }

    @Override
    public String getHeader(String name) {
        return null;
    }

    @Override
    public Collection<String> getHeaders(String name) {
        return Collections.emptyList();
    }

    @Override
    public Collection<String> getHeaderNames() {
        return Collections.emptyList();
    }

    @Override
    public void setHeader(String name, String value) {
    }

    @Override
    public void addHeader(String name, String value) {
    }

    @Override
    public void setIntHeader(String name, int value) {
    }

    @Override
    public void addIntHeader(String name, int value) {
    }

    @Override
    public void setDateHeader(String name, long date) {
    }

    @Override
    public void addDateHeader(String name, long date) {
    }

    @Override
    public String getCharacterEncoding() {
        return "UTF-8";
    }

    @Override
    public String getContentType() {
        return null;
    }

    @Override
    public void setCharacterEncoding(String charset) {
    }

    @Override
    public void setContentLength(int len) {
    }

    @Override
    public void setContentLengthLong(long len) {
    }

    @Override
    public void setContentType(String type) {
    }

    @Override
    public void setBufferSize(int size) {
    }

    @Override
    public int getBufferSize() {
        return 0;
    }

    @Override
    public void resetBuffer() {
    }

    @Override
    public void setLocale(Locale loc) {
    }

    @Override
    public Locale getLocale() {
        return Locale.ROOT;
    }

    private static UnsupportedOperationException notOnThePath(String what) {
        return new UnsupportedOperationException("BenchResponse." + what + " is not part of the benchmarked path");
    }

    @Override
    public ServletOutputStream getOutputStream() {
        throw notOnThePath("getOutputStream");
    }

    @Override
    public PrintWriter getWriter() {
        throw notOnThePath("getWriter");
    }

    @Override
    public void addCookie(Cookie cookie) {
        throw notOnThePath("addCookie");
    }

    @Override
    public String encodeURL(String url) {
        throw notOnThePath("encodeURL");
    }

    @Override
    public String encodeRedirectURL(String url) {
        throw notOnThePath("encodeRedirectURL");
    }

    @Override
    public void sendRedirect(String location) {
        throw notOnThePath("sendRedirect");
    }
}
