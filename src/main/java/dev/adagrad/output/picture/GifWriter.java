package dev.adagrad.output.picture;

import dev.adagrad.output.AtomicFile;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.IntFunction;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * An animated, looping GIF through the JDK's own GIF writer, small and quick to write: one {@link Palette} for every
 * frame, and after the first only the rectangle that changed, its unchanged pixels transparent, over the frame before
 * (disposal "do not dispose"). A path growing by a few pixels a frame costs a few hundred bytes.
 */
final class GifWriter {

    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private GifWriter() {
    }

    /**
     * Writes {@code count} frames to {@code file}, each drawn when it is written (so only two are in memory) and shown
     * {@code delay} hundredths of a second, the last one {@code last}; colours from {@code palette}. Frames are
     * TYPE_INT_RGB images of one size.
     */
    static void write(Path file, int count, IntFunction<BufferedImage> frames, int delay, int last, Palette palette)
            throws IOException {
        AtomicFile.write(file, out -> {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
            try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(stream);
                BufferedImage frame = frames.apply(0);
                writer.prepareWriteSequence(streamMetadata(writer, frame.getWidth(), frame.getHeight(), palette));
                int[] previous = null;
                for (int i = 0; i < count; i++) {
                    frame = i == 0 ? frame : frames.apply(i);
                    int width = frame.getWidth();
                    int[] rgb = pixels(frame);
                    int[] box = previous == null ? new int[] {0, 0, width, frame.getHeight()}
                            : changed(previous, rgb, width);
                    BufferedImage part = part(rgb, previous, width, box, palette);
                    IIOMetadata metadata = metadata(writer, part, box, i == count - 1 ? last : delay, i == 0);
                    writer.writeToSequence(new IIOImage(part, null, metadata), null);
                    previous = rgb;
                }
                writer.endWriteSequence();
            } finally {
                writer.dispose();
            }
        });
    }

    /** The frame's pixels as 0xRRGGBB: a TYPE_INT_RGB image's own array (each frame is a new image), else a copy. */
    private static int[] pixels(BufferedImage frame) {
        if (frame.getType() == BufferedImage.TYPE_INT_RGB) {
            return ((DataBufferInt) frame.getRaster().getDataBuffer()).getData();
        }
        return frame.getRGB(0, 0, frame.getWidth(), frame.getHeight(), null, 0, frame.getWidth());
    }

    /** {x, y, width, height} of the smallest rectangle holding every pixel that differs (1×1 if none does). */
    static int[] changed(int[] before, int[] after, int width) {
        int height = after.length / width;
        int left = width;
        int right = -1;
        int top = height;
        int bottom = -1;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                if (before[row + x] != after[row + x]) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = y;
                }
            }
        }
        if (right < 0) {
            return new int[] {0, 0, 1, 1};
        }
        return new int[] {left, top, right - left + 1, bottom - top + 1};
    }

    /** The rectangle {@code box} of the frame as palette indices, pixels equal to the frame before transparent. */
    private static BufferedImage part(int[] rgb, int[] previous, int width, int[] box, Palette palette) {
        BufferedImage part = new BufferedImage(box[2], box[3], BufferedImage.TYPE_BYTE_INDEXED, palette.model());
        byte[] pixels = ((DataBufferByte) part.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < box[3]; y++) {
            for (int x = 0; x < box[2]; x++) {
                int i = (box[1] + y) * width + box[0] + x;
                pixels[y * box[2] + x] = previous != null && previous[i] == rgb[i] ? (byte) Palette.TRANSPARENT
                        : palette.index(rgb[i]);
            }
        }
        return part;
    }

    /** The logical screen and the palette, once for the whole file (a global colour table). */
    private static IIOMetadata streamMetadata(ImageWriter writer, int width, int height, Palette palette)
            throws IIOInvalidTreeException {
        IIOMetadata metadata = writer.getDefaultStreamMetadata(null);
        String format = "javax_imageio_gif_stream_1.0";
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
        IIOMetadataNode screen = child(root, "LogicalScreenDescriptor");
        screen.setAttribute("logicalScreenWidth", Integer.toString(width));
        screen.setAttribute("logicalScreenHeight", Integer.toString(height));
        screen.setAttribute("colorResolution", "8");
        screen.setAttribute("pixelAspectRatio", "0");
        IIOMetadataNode table = child(root, "GlobalColorTable");
        while (table.getLength() > 0) {
            table.removeChild(table.getFirstChild());
        }
        table.setAttribute("sizeOfGlobalColorTable", "256");
        table.setAttribute("sortFlag", "FALSE");
        table.setAttribute("backgroundColorIndex", "0");
        for (int i = 0; i < 256; i++) {
            int rgb = palette.model().getRGB(i);
            IIOMetadataNode entry = new IIOMetadataNode("ColorTableEntry");
            entry.setAttribute("index", Integer.toString(i));
            entry.setAttribute("red", Integer.toString((rgb >> 16) & 0xff));
            entry.setAttribute("green", Integer.toString((rgb >> 8) & 0xff));
            entry.setAttribute("blue", Integer.toString(rgb & 0xff));
            table.appendChild(entry);
        }
        metadata.setFromTree(format, root);
        return metadata;
    }

    private static IIOMetadata metadata(ImageWriter writer, BufferedImage part, int[] box, int delay, boolean first)
            throws IIOInvalidTreeException {
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(part), null);
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(FORMAT);
        for (int i = root.getLength() - 1; i >= 0; i--) {
            if (root.item(i).getNodeName().equals("LocalColorTable")) {
                root.removeChild(root.item(i)); // the default one is a web palette; the global table is the palette
            }
        }
        IIOMetadataNode descriptor = child(root, "ImageDescriptor");
        descriptor.setAttribute("imageLeftPosition", Integer.toString(box[0]));
        descriptor.setAttribute("imageTopPosition", Integer.toString(box[1]));
        descriptor.setAttribute("imageWidth", Integer.toString(box[2]));
        descriptor.setAttribute("imageHeight", Integer.toString(box[3]));
        descriptor.setAttribute("interlaceFlag", "FALSE");
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "doNotDispose");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", first ? "FALSE" : "TRUE");
        control.setAttribute("delayTime", Integer.toString(delay));
        control.setAttribute("transparentColorIndex", Integer.toString(Palette.TRANSPARENT));
        if (first) {
            IIOMetadataNode extensions = child(root, "ApplicationExtensions");
            IIOMetadataNode netscape = new IIOMetadataNode("ApplicationExtension");
            netscape.setAttribute("applicationID", "NETSCAPE");
            netscape.setAttribute("authenticationCode", "2.0");
            netscape.setUserObject(new byte[] {1, 0, 0}); // sub-block 1: loop count 0, forever
            extensions.appendChild(netscape);
        }
        metadata.setFromTree(FORMAT, root);
        return metadata;
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
