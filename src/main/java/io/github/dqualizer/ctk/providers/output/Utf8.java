package io.github.dqualizer.ctk.providers.output;

/** Where a UTF-8 byte sequence cut at an arbitrary point ends with a whole character. */
final class Utf8 {

    private Utf8() {
    }

    /** The length of {@code bytes} without a last character whose continuation bytes were cut off. */
    static int completePrefixLength(byte[] bytes) {
        int length = bytes.length;
        // a character is at most 4 bytes: look back at most 3 continuation bytes (10xxxxxx) for its lead byte
        for (int back = 1; back <= Math.min(4, length); back++) {
            int b = bytes[length - back] & 0xFF;
            if ((b & 0xC0) == 0x80) {
                continue;
            }
            int needed = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 1;
            return needed > back ? length - back : length;
        }
        return length;
    }
}
