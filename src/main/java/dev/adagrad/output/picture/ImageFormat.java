package dev.adagrad.output.picture;

import java.nio.file.Path;
import java.util.Locale;

/** The picture formats {@code --plot} and the other pictures write, chosen by the file's extension. */
public enum ImageFormat {
    PNG, SVG;

    /**
     * The format named by {@code file}'s extension (case-insensitive).
     *
     * @throws IllegalArgumentException for any other extension, with a message naming the ones accepted
     */
    public static ImageFormat of(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return PNG;
        }
        if (name.endsWith(".svg")) {
            return SVG;
        }
        throw new IllegalArgumentException("the picture's name must end in .png or .svg (got " + file + ")");
    }
}
