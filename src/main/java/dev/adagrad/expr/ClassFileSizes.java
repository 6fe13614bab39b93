package dev.adagrad.expr;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bytecode size of each method in a class file, read from its {@code Code} attributes (JVM specification §4.7.3):
 * {@link BytecodeCompiler} checks with it that no generated method is above HotSpot's limit for JIT compilation.
 */
final class ClassFileSizes {

    private ClassFileSizes() {
    }

    /**
     * Whether every method's code is at most {@code limit} bytes. A class file no longer than the limit has no method
     * over it, and is not read (the usual small expression: the check then costs nothing at start-up).
     */
    static boolean withinLimit(byte[] classFile, int limit) {
        return classFile.length <= limit || largestMethod(classFile) <= limit;
    }

    /** The largest method's code length, in bytes. */
    static int largestMethod(byte[] classFile) {
        int largest = 0;
        for (int size : codeLengths(classFile).values()) {
            largest = Math.max(largest, size);
        }
        return largest;
    }

    /** Each method's code length in bytes, by name and descriptor ({@code value([D[[D)D}), in class-file order. */
    static Map<String, Integer> codeLengths(byte[] classFile) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
            in.readInt(); // magic
            in.readUnsignedShort(); // minor version
            in.readUnsignedShort(); // major version
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 3, 4 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++; // longs and doubles take two entries
                    }
                    case 7, 8, 16, 19, 20 -> in.readUnsignedShort();
                    case 9, 10, 11, 12, 17, 18 -> in.readInt();
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    default -> throw new IllegalArgumentException("constant pool tag " + tag);
                }
            }
            in.readUnsignedShort(); // access flags
            in.readUnsignedShort(); // this class
            in.readUnsignedShort(); // super class
            in.skipBytes(2 * in.readUnsignedShort()); // interfaces
            int fields = in.readUnsignedShort();
            for (int f = 0; f < fields; f++) {
                in.skipBytes(6);
                skipAttributes(in);
            }
            Map<String, Integer> sizes = new LinkedHashMap<>();
            int methods = in.readUnsignedShort();
            for (int m = 0; m < methods; m++) {
                in.readUnsignedShort(); // access flags
                String name = utf8[in.readUnsignedShort()] + utf8[in.readUnsignedShort()];
                int attributes = in.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    String attribute = utf8[in.readUnsignedShort()];
                    int length = in.readInt();
                    if (attribute.equals("Code")) {
                        in.readUnsignedShort(); // max stack
                        in.readUnsignedShort(); // max locals
                        int code = in.readInt();
                        sizes.put(name, code);
                        in.skipBytes(length - 8);
                    } else {
                        in.skipBytes(length);
                    }
                }
            }
            return sizes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.readUnsignedShort();
            in.skipBytes(in.readInt());
        }
    }
}
