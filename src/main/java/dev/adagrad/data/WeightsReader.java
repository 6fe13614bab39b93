package dev.adagrad.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.adagrad.fit.Layout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads starting weights, {@code {"W1": [[…], …], "b1": […], …}}, into a parameter vector of a given {@link Layout}:
 * every block once, each matrix a list of rows (row = input, column = unit, as Keras stores a Dense kernel), every
 * number finite. Anything else is a {@link DataException} naming the file, the line and column, and the problem:
 * a missing or unknown block, a wrong shape, a value that is not a finite number.
 */
public final class WeightsReader {

    private static final JsonFactory JSON = new JsonFactory();

    private final String name;
    private final JsonParser parser;

    private WeightsReader(String name, JsonParser parser) {
        this.name = name;
        this.parser = parser;
    }

    public static double[] read(Path file, Layout layout) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw DataException.file(name, "a directory, not a weights file");
        }
        try (InputStream in = Files.newInputStream(file); JsonParser parser = JSON.createParser(in)) {
            return new WeightsReader(name, parser).parse(layout);
        } catch (NoSuchFileException e) {
            throw DataException.file(name, "no such file");
        } catch (JsonParseException e) {
            JsonLocation at = e.getLocation();
            throw new DataException(name + ", line " + at.getLineNr() + ", column " + at.getColumnNr() + ": "
                    + syntax(e.getOriginalMessage()));
        } catch (IOException e) {
            throw DataException.file(name, "cannot be read: " + e.getMessage());
        }
    }

    private double[] parse(Layout layout) throws IOException {
        double[] x = new double[layout.dimension()];
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw error("the weights must be one JSON object, {\"W1\": [[…]], \"b1\": […], …}");
        }
        Set<String> seen = new HashSet<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String key = parser.currentName();
            Layout.Block block = layout.blocks().stream().filter(b -> b.name().equals(key)).findFirst()
                    .orElseThrow(() -> error("'" + key + "' is not a block of this model (its blocks: "
                            + String.join(", ", layout.blocks().stream().map(Layout.Block::name).toList()) + ")"));
            if (!seen.add(key)) {
                throw error("'" + key + "' is given twice");
            }
            parser.nextToken();
            if (block.matrix()) {
                readMatrix(block, x);
            } else {
                readVector(block, x, block.offset(), block.rows(), block.name());
            }
        }
        for (Layout.Block block : layout.blocks()) {
            if (!seen.contains(block.name())) {
                throw DataException.file(name, "'" + block.name() + "' is missing: this model needs "
                        + shape(block));
            }
        }
        return x;
    }

    private void readMatrix(Layout.Block block, double[] x) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw error(block.name() + " must be " + shape(block) + ", a list of rows");
        }
        int row = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (row == block.rows()) {
                throw error(block.name() + " has more than " + block.rows() + " rows; this model needs "
                        + shape(block));
            }
            readVector(block, x, block.offset() + row * block.columns(), block.columns(),
                    block.name() + " row " + (row + 1));
            row++;
        }
        if (row != block.rows()) {
            throw error(block.name() + " has " + row + (row == 1 ? " row" : " rows") + "; this model needs "
                    + shape(block));
        }
    }

    private void readVector(Layout.Block block, double[] x, int offset, int length, String what) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw error(what + " must be a list of " + length + " numbers (" + block.name() + " is " + shape(block)
                    + ")");
        }
        int k = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
                throw error(what + ": '" + DataException.shorten(parser.getText()) + "' is not a number");
            }
            if (k == length) {
                throw error(what + " has more than " + length + " numbers (" + block.name() + " is " + shape(block)
                        + ")");
            }
            double value = parser.getDoubleValue();
            if (!Double.isFinite(value)) {
                throw error(what + ": " + DataException.shorten(parser.getText()) + " is not a finite double");
            }
            x[offset + k++] = value;
        }
        if (k != length) {
            throw error(what + " has " + k + (k == 1 ? " number" : " numbers") + " where " + block.name() + " is "
                    + shape(block));
        }
    }

    /** Jackson's message in a line of our own: the problem, without its advice on parser features. */
    private static String syntax(String message) {
        String first = message.lines().findFirst().orElse("");
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("Non-standard token '([^']*)'").matcher(first);
        if (token.find()) {
            return "'" + token.group(1) + "' is not a finite number (weights must be finite)";
        }
        int advice = first.indexOf(": enable");
        return "not JSON: " + (advice < 0 ? first : first.substring(0, advice));
    }

    private static String shape(Layout.Block block) {
        return block.matrix() ? block.rows() + " × " + block.columns() : "a list of " + block.rows() + " numbers";
    }

    private DataException error(String problem) {
        JsonLocation at = parser.currentTokenLocation();
        return new DataException(name + ", line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + problem);
    }

}
