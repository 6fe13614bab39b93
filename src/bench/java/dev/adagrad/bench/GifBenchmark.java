package dev.adagrad.bench;

import dev.adagrad.expr.CentralDifference;
import dev.adagrad.expr.Objective;
import dev.adagrad.optim.Compat;
import dev.adagrad.optim.Optimizers;
import dev.adagrad.output.picture.PlotData;
import dev.adagrad.output.picture.Pictures;
import dev.adagrad.run.Runner;
import dev.adagrad.run.Trajectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Writing the animation of issue 16's example: Rosenbrock from (−1.2, 1), sgd, momentum, adagrad and adam for 500
 * steps, {@value #FRAMES} frames at 800×600 (the target: under 2 s and under 1 MB). One operation is one whole GIF
 * file, contours, layout and palette included; the runs are made once, in the set-up. The file's size is printed
 * at the end of the trial.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GifBenchmark {

    static final int FRAMES = 100;

    private PlotData data;
    private Path file;

    @Setup
    public void setUp() throws IOException {
        Objective f = Objective.of(Problems.ROSENBROCK);
        List<PlotData.Run> runs = new ArrayList<>();
        for (String name : List.of("sgd", "momentum", "adagrad", "adam")) {
            Trajectory path = new Trajectory(2);
            new Runner(f, CentralDifference.scaled(), Optimizers.byName(name).orElseThrow().create(2, Compat.torch,
                    Map.of())).run(new double[] {-1.2, 1}, 500, 0, path);
            runs.add(new PlotData.Run(name, path, -1));
        }
        data = new PlotData("rosenbrock", f.variables(), f, List.of(new double[] {1, 1}), runs);
        file = Files.createTempFile("gif-benchmark", ".gif");
    }

    @Benchmark
    public long animate() throws IOException {
        Pictures.animate(file, 800, 600, data, FRAMES);
        return Files.size(file);
    }

    @TearDown
    public void tearDown() throws IOException {
        System.out.println();
        System.out.println("GIF of " + FRAMES + " frames at 800x600: " + Files.size(file) + " bytes");
        Files.deleteIfExists(file);
    }
}
