package dev.adagrad.output;

import dev.adagrad.run.StepThrough;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code adagrad step}'s {@code s}: the rows so far of each optimizer as CSV, byte for byte as {@code run --format csv}
 * writes them, each file replaced atomically. With several optimizers each gets its own file, named after it.
 */
public final class StepCsv {

    private StepCsv() {
    }

    /** The file each lane's rows go to: {@code path} itself for one lane, else {@code name-<optimizer>.csv}. */
    public static List<Path> paths(Path path, List<StepThrough.Lane> lanes) {
        List<Path> paths = new ArrayList<>();
        if (lanes.size() == 1) {
            paths.add(path);
            return paths;
        }
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : ".csv";
        for (StepThrough.Lane lane : lanes) {
            paths.add(path.resolveSibling(stem + "-" + lane.name() + extension));
        }
        return paths;
    }

    /** Writes rows 0 to {@code upTo} of each lane (fewer where a lane ended sooner); returns the files written. */
    public static List<Path> write(Path path, List<StepThrough.Lane> lanes, List<String> variables, long upTo)
            throws IOException {
        List<Path> paths = paths(path, lanes);
        for (int i = 0; i < lanes.size(); i++) {
            StepThrough.Lane lane = lanes.get(i);
            AtomicFile.write(paths.get(i), out -> {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                RunWriter csv = Format.csv.writer(writer, new RunShape(variables, lane.stateColumns(), upTo));
                csv.begin();
                for (long t = 0; t <= Math.min(upTo, lane.recorded()); t++) {
                    csv.onStep(lane.row(t));
                }
                writer.flush();
            });
        }
        return paths;
    }
}
