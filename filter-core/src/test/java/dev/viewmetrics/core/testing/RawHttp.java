package dev.viewmetrics.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Sends bytes no well-behaved HTTP client would send, and returns the status line. Only the status line is read:
 * it also serves responses a client would wait behind (an interim 1xx that no final response follows).
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** Writes {@code head} (request line and headers, CRLF-separated, without the final blank line). */
    public static String send(URI base, String head) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
            socket.setSoTimeout(20000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                line.append((char) b);
            }
            int end = line.indexOf("\r");
            return end < 0 ? line.toString() : line.substring(0, end);
        }
    }
}
