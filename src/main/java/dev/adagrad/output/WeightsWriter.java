package dev.adagrad.output;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.adagrad.fit.Layout;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a model's weights as {@code {"W1": [[…], …], "b1": […], …}}, the layout {@code --init} reads, each number
 * as the shortest decimal that reads back to the same double. The file appears whole or not at all
 * ({@link AtomicFile}).
 */
public final class WeightsWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private WeightsWriter() {
    }

    public static void write(Path file, Layout layout, double[] x) throws IOException {
        AtomicFile.write(file, out -> {
            try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
                json.writeStartObject();
                for (Layout.Block block : layout.blocks()) {
                    json.writeFieldName(block.name());
                    if (block.matrix()) {
                        json.writeStartArray();
                        for (int r = 0; r < block.rows(); r++) {
                            json.writeArray(x, block.offset() + r * block.columns(), block.columns());
                        }
                        json.writeEndArray();
                    } else {
                        json.writeArray(x, block.offset(), block.rows());
                    }
                    json.writeRaw('\n');
                }
                json.writeEndObject();
                json.writeRaw('\n');
            }
        });
    }
}
