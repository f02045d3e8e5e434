package io.github.dqualizer.ctk.providers.output;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The kept start of an output stream.
 *
 * @param bytes      at most the limit's number of bytes, from the start of the stream
 * @param truncated  whether the stream held more than {@code bytes}
 * @param totalBytes how many bytes the stream held in all, or {@code -1} when reading stopped at the limit
 */
public record CapturedOutput(byte[] bytes, boolean truncated, long totalBytes) {

    /** Starts every truncation marker, so that readers of a journal can find them. */
    public static final String MARKER_PREFIX = "[dqualizer-ctk: ";

    /**
     * What the journal shows after the kept text of a truncated stream, e.g.
     * {@code "\n[dqualizer-ctk: output truncated, kept the first 1048576 of 100000000 bytes]"}.
     *
     * @param what {@code "output"} or {@code "body"}
     */
    public String marker(String what) {
        if (!truncated) {
            return "";
        }
        return "\n" + MARKER_PREFIX + what + " truncated, kept the first " + bytes.length
                + (totalBytes >= 0 ? " of " + totalBytes + " bytes]" : " bytes, the rest was not read]");
    }

    /**
     * The kept bytes to decode: for UTF-8, a multi-byte character cut by the limit is left out, so that a
     * truncation never makes valid output undecodable.
     */
    public byte[] decodableBytes(Charset charset) {
        if (!truncated || !StandardCharsets.UTF_8.equals(charset)) {
            return bytes;
        }
        int end = Utf8.completePrefixLength(bytes);
        return end == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, end);
    }
}
