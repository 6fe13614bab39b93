package dev.adagrad.fit;

import dev.adagrad.data.CsvDataLoader;
import dev.adagrad.data.DataException;
import dev.adagrad.data.DataFile;
import dev.adagrad.data.Dataset;
import dev.adagrad.data.LabelledRows;
import dev.adagrad.data.WeightsReader;
import dev.adagrad.expr.ExpressionException;
import dev.adagrad.expr.ExpressionSyntax;
import dev.adagrad.expr.ParsedExpression;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a fit minimises, built from the data: the training objective, the validation objective (or null), the start,
 * the parameters that are output columns, and the layout of a weights file. Either a built-in {@link Kind model}
 * over labelled rows (CSV with a target column, or svmlight), or a per-row loss written as an expression over the
 * columns of a CSV file ({@link BatchLoss}).
 *
 * <p>Bad data is a {@link DataException}; a request that does not fit the data (a start value for a parameter the
 * model lacks) an {@link IllegalArgumentException}, whose message the command line shows as a usage error.
 *
 * @param columns the parameters written as output columns: all of them for an expression and for a linear model
 *                of a CSV file, none for a network or svmlight data (their weights go to a weights file)
 * @param layout  how a weights file holds the parameters; null for an expression
 */
public record FitProblem(RowObjective training, RowObjective validation, double[] start, List<String> columns,
                         Layout layout, String title) {

    /** The built-in models. */
    public enum Kind {
        LINEAR, LOGISTIC, HINGE, MLP;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Kind> named(String name) {
            for (Kind kind : values()) {
                if (kind.label().equals(name)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }

        public static String known() {
            return "linear, logistic, hinge, mlp";
        }
    }

    /**
     * A built-in model's settings.
     *
     * @param target     the CSV column of the labels (ignored for svmlight)
     * @param hidden     mlp: units per hidden layer
     * @param output     mlp: the output and its loss
     * @param kerasClip  binary cross-entropy clips p as Keras does
     * @param starts     start values by parameter name (linear models of CSV files); others start at 0
     * @param init       a weights file to start from, or null
     * @param seed       mlp: the seed of the Glorot-uniform kernels
     */
    public record ModelRequest(Kind kind, String target, double l2, int[] hidden, Mlp.Activation activation,
                               Mlp.Output output, boolean kerasClip, Map<String, Double> starts, Path init,
                               long seed) {
    }

    /** Where the validation rows come from: a file, a fraction of the data's last rows, or neither. */
    public record Validation(DataFile file, Double split) {
        public static final Validation NONE = new Validation(null, null);
    }

    private static final Pattern NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{Nd}_]*");

    /** A built-in model of labelled rows. */
    public static FitProblem model(DataFile data, ModelRequest request, Validation validation) {
        LabelledRows rows = data.rows(request.target());
        LabelledRows held = null;
        if (validation.split() != null) {
            int train = (int) Math.floor(rows.rows() * (1 - validation.split()));
            if (train < 1 || train >= rows.rows()) {
                throw DataException.of(data.name(), "a validation split of " + validation.split() + " of "
                        + rows.rows() + " rows leaves " + (train < 1 ? "no rows to train on" : "no validation rows"));
            }
            held = rows.slice(train, rows.rows());
            rows = rows.slice(0, train);
        } else if (validation.file() != null) {
            held = validation.file().rows(request.target());
            if (rows.dense() != held.dense() || rows.dense() && rows.features() != held.features()) {
                throw DataException.of(validation.file().name(), "has " + held.features() + " features where "
                        + data.name() + " has " + rows.features());
            }
            int d = Math.max(rows.features(), held.features());
            rows = rows.withFeatures(d);
            held = held.withFeatures(d);
        }
        if (rows.named()) {
            for (int j = 0; j < rows.features(); j++) {
                String column = rows.featureName(j);
                if (!NAME.matcher(column).matches()) {
                    throw DataException.of(data.name() + ", column " + column, "a model needs column names of "
                            + "letters, digits and _ (the weights are named w_<column> in the output)");
                }
            }
        }
        boolean bce = request.kind() == Kind.MLP && request.output() == Mlp.Output.BCE;
        if (bce) {
            rows.toClasses(0, 1);
            if (held != null) {
                held.toClasses(0, 1);
            }
        } else if (request.kind() == Kind.LOGISTIC || request.kind() == Kind.HINGE) {
            rows.toClasses(-1, 1);
            if (held != null) {
                held.toClasses(-1, 1);
            }
        }
        String title = request.kind().label() + " model of " + (rows.named() ? request.target() : "the labels");
        if (request.kind() == Kind.MLP) {
            Mlp network = new Mlp(rows, request.hidden(), request.activation(), request.output(), request.kerasClip(),
                    request.l2());
            Layout layout = Layout.dense(network.sizes());
            if (!request.starts().isEmpty()) {
                throw new IllegalArgumentException("a network's weights start from a file (--init) or at random "
                        + "(--seed), not by name");
            }
            double[] start = request.init() != null ? WeightsReader.read(request.init(), layout)
                    : network.glorotUniform(request.seed());
            return new FitProblem(network, held == null ? null : network.on(held), start, List.of(), layout, title);
        }
        LinearModel.Loss loss = LinearModel.Loss.valueOf(request.kind().name());
        LinearModel linear = new LinearModel(rows, loss, request.l2());
        Layout layout = Layout.dense(new int[] {rows.features(), 1});
        List<String> names = LinearModel.parameterNames(rows);
        double[] start = new double[rows.features() + 1];
        if (request.init() != null) {
            if (!request.starts().isEmpty()) {
                throw new IllegalArgumentException("give start values by name or from a weights file, not both");
            }
            start = WeightsReader.read(request.init(), layout);
        }
        Set<String> known = rows.named() ? new HashSet<>(names) : Set.of("b");
        for (Map.Entry<String, Double> given : request.starts().entrySet()) {
            if (!known.contains(given.getKey())) {
                throw new IllegalArgumentException("--params names '" + given.getKey() + "', which is not a "
                        + "parameter of the model (they are " + summary(names) + ")");
            }
            start[given.getKey().equals("b") ? rows.features() : names.indexOf(given.getKey())] = given.getValue();
        }
        return new FitProblem(linear, held == null ? null : linear.on(held), start,
                rows.named() ? List.copyOf(names) : List.of(), layout, title);
    }

    /** A per-row loss written as an expression over the columns of a CSV file; every other name a parameter. */
    public static FitProblem expression(Path data, String loss, Map<String, Double> given, Path validationFile) {
        if (loss.isBlank()) {
            throw new ExpressionException("the expression is empty", loss, 0).in("--loss");
        }
        ParsedExpression parsed;
        try {
            parsed = ExpressionSyntax.checkTyped(loss);
        } catch (ExpressionException e) {
            throw e.in("--loss");
        }
        Set<String> identifiers = new HashSet<>(parsed.identifiers());
        Dataset dataset = CsvDataLoader.load(data, identifiers::contains);
        for (String name : given.keySet()) {
            if (dataset.column(name) >= 0) {
                throw new DataException(data + ", column " + name + ": also given in --params; a name in the loss "
                        + "is either a column or a parameter");
            }
        }
        for (String name : given.keySet()) {
            if (!identifiers.contains(name)) {
                throw new IllegalArgumentException("--params names '" + name + "', which the loss does not use");
            }
        }
        List<String> missing = new ArrayList<>();
        for (String identifier : parsed.nonConstants()) {
            if (dataset.column(identifier) < 0 && !given.containsKey(identifier)) {
                missing.add(identifier);
            }
        }
        if (!missing.isEmpty()) {
            throw new DataException(data + ": the loss uses " + quoted(missing) + ", which "
                    + (missing.size() == 1 ? "is" : "are") + " neither a column of the file (its columns: "
                    + String.join(", ", CsvDataLoader.header(data)) + ") nor given a start value in --params");
        }
        if (given.isEmpty()) {
            throw new IllegalArgumentException("the loss has no parameters: every name in it is a column of " + data
                    + "; give the parameters' start values with --params, e.g. --params w=0,b=0");
        }
        List<String> names = List.copyOf(given.keySet());
        double[] start = given.values().stream().mapToDouble(Double::doubleValue).toArray();
        BatchLoss training = BatchLoss.compile(parsed, dataset, names, 0, List.of());
        BatchLoss validation = null;
        if (validationFile != null) {
            Dataset held = CsvDataLoader.load(validationFile, identifiers::contains);
            for (String column : dataset.columns()) {
                if (held.column(column) < 0) {
                    throw new DataException(validationFile + ": no column " + column + ", which the loss uses");
                }
            }
            validation = BatchLoss.compile(parsed, held, names, 0, List.of());
        }
        return new FitProblem(training, validation, start, names, null, "loss " + loss);
    }

    private static String summary(List<String> names) {
        return names.size() <= 6 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 3)) + ", …, " + names.get(names.size() - 1);
    }

    private static String quoted(List<String> names) {
        return names.stream().map(name -> "'" + name + "'").reduce((a, b) -> a + ", " + b).orElse("");
    }
}
