package dev.adagrad.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Utf8Output encodes as the JDK's OutputStreamWriter does, however the text is cut into writes, bytes in order. */
class Utf8OutputTest {

    private static final String[] PIECES = {"a", "θ", "∛", "x₀", "😀", "\n", "1.0E-4", "\uD800", "\uDC00", "ü", ",", ""};

    @Test
    void randomTextInRandomWritesEncodesAsOutputStreamWriter() throws IOException {
        SplittableRandom random = new SplittableRandom(18);
        for (int trial = 0; trial < 200; trial++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(1, 200_000);
            while (text.length() < length) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            try (OutputStreamWriter writer = new OutputStreamWriter(expected, StandardCharsets.UTF_8)) {
                writer.write(text.toString());
            }
            ByteArrayOutputStream actual = new ByteArrayOutputStream();
            try (Utf8Output writer = new Utf8Output(actual)) {
                for (int at = 0; at < text.length(); ) {
                    int count = Math.min(text.length() - at, random.nextInt(1, 70_000));
                    switch (random.nextInt(3)) {
                        case 0 -> writer.write(text.toString(), at, count);
                        case 1 -> writer.write(text.substring(at, at + count).toCharArray());
                        default -> {
                            for (int i = at; i < at + count; i++) {
                                writer.write(text.charAt(i));
                            }
                        }
                    }
                    at += count;
                }
            }
            assertArrayEquals(expected.toByteArray(), actual.toByteArray(), "trial " + trial);
        }
    }

    @Test
    void bytesAndCharactersStayInOrder() throws IOException {
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        byte[] row = "1,2.5\n".getBytes(StandardCharsets.UTF_8);
        StringBuilder expected = new StringBuilder();
        try (Utf8Output writer = new Utf8Output(actual)) {
            for (int i = 0; i < 30_000; i++) {
                writer.write("θ=" + i + ";");
                writer.writeUtf8(row, 0, row.length);
                expected.append("θ=").append(i).append(';').append("1,2.5\n");
            }
        }
        assertArrayEquals(expected.toString().getBytes(StandardCharsets.UTF_8), actual.toByteArray());
    }
}
