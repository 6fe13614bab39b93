package dev.adagrad.cli;

import dev.adagrad.data.DatasetGenerator;
import dev.adagrad.data.GeneratorSettings;
import dev.adagrad.data.DataFile;
import dev.adagrad.output.DatasetCsvWriter;
import dev.adagrad.output.DatasetSvmLightWriter;
import dev.adagrad.output.OutputTarget;
import dev.adagrad.run.StopRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code adagrad data}: writes a synthetic CSV dataset for {@code adagrad fit}. */
@Command(name = "data", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a synthetic dataset as CSV (columns x1,...,xd and y) or svmlight, the same rows for the "
                + "same seed.",
                "  linear           y = 1*x1 + 2*x2 + ... + d*xd + 0.5 + noise (x, noise Gaussian); d default 1",
                "  classification   like scikit-learn's make_classification: x1, x2 informative, x3, x4 linear",
                "                   combinations of them, the rest noise; labels -1/1, balanced; d default 4",
                "  sparse-logistic  binary features, each present with probability --density; the last d/10 are",
                "                   rare (density/5) and strongly predictive; labels -1/1 drawn from a logistic",
                "                   model; d default 50"},
        footer = {"", "Example: adagrad data sparse-logistic --rows 2000 --seed 1 --output sparse.csv"})
public final class DataCommand implements Callable<Integer> {

    /** The most rows: a million rows of twenty features is a 400 MB file, so this is plenty. */
    static final long MAX_ROWS = 100_000_000L;
    static final int MAX_FEATURES = 100_000;
    /** svmlight holds only the nonzeros, so it can be much wider. */
    static final int MAX_SVMLIGHT_FEATURES = dev.adagrad.data.SvmLightReader.MAX_FEATURES;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "linear, classification or sparse-logistic.")
    String name;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "1000", converter = Numbers.Count.class,
            description = "Rows to write. Default: ${DEFAULT-VALUE}.")
    long rows;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", converter = Numbers.Count.class,
            description = "Seed of the random stream. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--features", paramLabel = "D", converter = Numbers.Count.class,
            description = "Number of feature columns x1..xD. Default: the dataset's (see above).")
    Long features;

    @Option(names = "--density", paramLabel = "P", converter = Numbers.FiniteDouble.class,
            description = "sparse-logistic: probability that a feature is present in a row, 0 < P ≤ 1. "
                    + "Default: 0.05.")
    Double density;

    @Option(names = "--noise", paramLabel = "SD", converter = Numbers.FiniteDouble.class,
            description = "linear: standard deviation of the noise added to y, ≥ 0. Default: 0.1.")
    Double noise;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "csv, or svmlight (label index:value ..., only the nonzeros, for sparse data). Default: "
                    + "svmlight when --output ends in .svm, .svmlight or .libsvm, else csv.")
    DataFile.Format format;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write to FILE instead of standard output; a regular file is written beside it and moved "
                    + "into place when complete (or with its whole rows, if interrupted).")
    Path output;

    @Override
    public Integer call() throws IOException {
        DatasetGenerator generator = DatasetGenerator.named(name).orElseThrow(() -> new UsageException(
                "unknown dataset '" + name + "' (known: " + DatasetGenerator.all().stream()
                        .map(DatasetGenerator::name).collect(Collectors.joining(", ")) + ")"));
        if (density != null && !generator.usesDensity()) {
            throw new UsageException(generator.name() + " does not use --density");
        }
        if (noise != null && !generator.usesNoise()) {
            throw new UsageException(generator.name() + " does not use --noise");
        }
        if (rows > MAX_ROWS) {
            throw new UsageException("--rows " + rows + " is above the limit of " + MAX_ROWS);
        }
        DataFile.Format chosen = format != null ? format
                : output != null ? DataFile.of(output.toString(), null).format() : DataFile.Format.csv;
        int most = chosen == DataFile.Format.svmlight ? MAX_SVMLIGHT_FEATURES : MAX_FEATURES;
        int d = features == null ? generator.defaultFeatures() : (int) Math.min(Integer.MAX_VALUE, features);
        if (d < generator.minFeatures() || d > most) {
            throw new UsageException(generator.name() + " needs --features from " + generator.minFeatures() + " to "
                    + most + (chosen == DataFile.Format.csv && d > most && d <= MAX_SVMLIGHT_FEATURES
                    ? " in CSV (up to " + MAX_SVMLIGHT_FEATURES + " with --format svmlight)" : "") + " (got "
                    + features + ")");
        }
        double p = density == null ? 0.05 : density;
        if (!(p > 0 && p <= 1)) {
            throw new UsageException("--density must be in (0, 1] (got " + Numbers.text(p) + ")");
        }
        double sd = noise == null ? 0.1 : noise;
        if (sd < 0) {
            throw new UsageException("--noise must be ≥ 0 (got " + Numbers.text(sd) + ")");
        }
        GeneratorSettings settings = new GeneratorSettings(rows, d, p, sd, seed);
        OutputTarget target;
        try {
            target = output == null ? OutputTarget.of(spec.commandLine().getOut()) : OutputTarget.file(output);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        long written;
        try (target) {
            try {
                if (chosen == DataFile.Format.svmlight) {
                    DatasetSvmLightWriter writer = new DatasetSvmLightWriter(target.writer());
                    generator.generate(settings, writer);
                    written = writer.rows();
                } else {
                    DatasetCsvWriter writer = new DatasetCsvWriter(target.writer(), DatasetGenerator.columns(d));
                    generator.generate(settings, writer);
                    written = writer.rows();
                }
            } catch (UncheckedIOException e) {
                target.salvage(); // the rows written before the failure are whole: keep them
                throw e.getCause();
            }
            target.commit();
        }
        if (StopRequest.interrupted()) {
            spec.commandLine().getErr().println(Errors.prefix(spec) + "interrupted after " + written
                    + " rows; every one of them is written");
            return ExitCode.INTERRUPTED;
        }
        return ExitCode.OK;
    }
}
