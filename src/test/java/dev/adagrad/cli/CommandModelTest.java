package dev.adagrad.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.run.StopRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Spec;

/**
 * The command models the build writes ({@link CommandModel}) give the model picocli builds from the annotations: every
 * option's every attribute, the help text, the @Spec fields, and what the commands print and return for the same
 * command lines; and the resources on the class path are the ones today's annotations give.
 */
class CommandModelTest {

    /** Every command that can be built alone, and the top-level one. */
    private static List<Class<?>> commands() {
        List<Class<?>> commands = new ArrayList<>(AdagradCommand.SUBCOMMANDS);
        commands.remove(CommandLine.HelpCommand.class);
        commands.add(0, AdagradCommand.class);
        return commands;
    }

    private static CommandSpec roundTrip(CommandSpec annotated) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CommandModel.write(annotated, bytes);
        return CommandModel.read(new ByteArrayInputStream(bytes.toByteArray()));
    }

    @Test
    void theModelReadBackHasEveryAttributeOfTheAnnotatedOne() throws Exception {
        for (Class<?> command : commands()) {
            CommandSpec annotated = CommandModel.annotated(command);
            CommandSpec read = roundTrip(annotated);
            assertEquals(describe(annotated), describe(read), command.getName());
            assertEquals(annotated.userObject().getClass(), read.userObject().getClass());
            assertEquals(annotated.versionProvider() == null, read.versionProvider() == null, command.getName());
            assertEquals(usage(annotated), usage(read), command.getName());
        }
    }

    @Test
    void specFieldsAndMixinFieldsAreSetAsPicocliSetsThem() throws Exception {
        for (Class<?> command : commands()) {
            CommandSpec read = roundTrip(CommandModel.annotated(command));
            checkInjected(read.userObject(), read, null);
        }
    }

    /**
     * Each @Spec field holds its own spec (or the mixee's), each @Mixin field a new object of its type; a mixin
     * flattened into its mixee ({@link CommandModel}'s writeMixin) has no spec of its own, and its MIXEE is the
     * mixee's.
     */
    private static void checkInjected(Object user, CommandSpec spec, CommandSpec mixee) throws IllegalAccessException {
        for (Field field : user.getClass().getDeclaredFields()) {
            field.setAccessible(true);
            Spec annotation = field.getAnnotation(Spec.class);
            if (annotation != null) {
                assertSame(annotation.value() == Spec.Target.MIXEE ? mixee : spec, field.get(user), field.toString());
            }
            CommandLine.Mixin mixin = field.getAnnotation(CommandLine.Mixin.class);
            if (mixin != null) {
                Object value = field.get(user);
                assertEquals(field.getType(), value.getClass(), field.toString());
                String name = mixin.name().isEmpty() ? field.getName() : mixin.name();
                CommandSpec own = spec.mixins().get(name);
                if (own == null) {
                    checkInjected(value, spec, spec);
                } else {
                    assertSame(own.userObject(), value, field.toString());
                    checkInjected(value, own, spec);
                }
            }
        }
    }

    @Test
    void mixinsAreFlattenedIntoTheirCommand() throws Exception {
        for (Class<?> command : commands()) {
            CommandSpec annotated = CommandModel.annotated(command);
            CommandSpec read = roundTrip(annotated);
            assertEquals(java.util.Set.of(), read.mixins().keySet(), command.getName());
            // the standard help options are there all the same: -h and -V print help and the version
            assertEquals(annotated.mixinStandardHelpOptions(), read.findOption("-h") != null, command.getName());
            assertEquals(annotated.mixinStandardHelpOptions(), read.findOption("--version") != null,
                    command.getName());
        }
    }

    @Test
    void theStoredModelsAreTheOnesTheAnnotationsGiveNow() throws Exception {
        for (Class<?> command : commands()) {
            CommandSpec annotated = CommandModel.annotated(command);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CommandModel.write(annotated, bytes);
            byte[] stored = CommandModel.stored(annotated.name());
            assertNotNull(stored, annotated.name() + ": run the build (mvn process-classes) to store it");
            assertArrayEquals(bytes.toByteArray(), stored,
                    annotated.name() + "'s model is older than its annotations: run mvn process-classes");
        }
        assertArrayEquals(CommandModel.outlinesWritten(), CommandModel.stored("Outlines"), "the outlines of --help");
    }

    /** The same command lines through the models and through the annotations: the same output, errors, exit code. */
    @Test
    void commandsBehaveTheSameBuiltEitherWay() {
        List<String[]> lines = new ArrayList<>();
        for (String name : new String[] {"run", "explain", "step", "compare", "sweep", "fit", "data", "optimizers",
                "functions", "completion", "man"}) {
            lines.add(new String[] {name, "--help"});
            lines.add(new String[] {name, "-V"});
            lines.add(new String[] {name, "--bogus"});
        }
        lines.add(new String[] {"run", "--f", "x^2", "--x0", "4", "--lr", "1", "--steps", "10"});
        for (String topLevel : new String[] {"--help", "-h", "--version", "-V"}) {
            lines.add(new String[] {topLevel});
        }
        lines.add(new String[0]);
        lines.add(new String[] {"run", "--f", "w^2+10*b^2", "--x0", "w=1,b=1", "--optimizer", "adam", "--format",
                "csv", "--betas", "0.8,0.9", "--steps", "3", "--every", "2", "--grad", "EXACT"});
        lines.add(new String[] {"run", "--f", "x^2", "--x0", "4", "--steps", "-1"});
        lines.add(new String[] {"run", "--f", "x^2", "--x0", "4", "--momentum", "0.9"});
        lines.add(new String[] {"run", "--f", "x^2", "--x0", "4", "--lr"});
        lines.add(new String[] {"run", "--x0", "4"});
        lines.add(new String[] {"run", "--f", "x^2", "--x0", "4", "--format", "xml"});
        lines.add(new String[] {"run", "--f", "rosenbrock", "--steps", "2", "--format", "jsonl", "--tol", "1e-3"});
        lines.add(new String[] {"explain", "--f", "x^2", "--x0", "4", "--lr", "1"});
        lines.add(new String[] {"compare", "--f", "rosenbrock", "--steps", "3", "--optimizers", "sgd,adam"});
        lines.add(new String[] {"sweep", "--f", "x^2", "--x0", "1", "--lr", "1e-3..1", "--points", "3", "--steps",
                "2"});
        lines.add(new String[] {"data", "linear", "--rows", "3", "--seed", "1"});
        lines.add(new String[] {"data"});
        lines.add(new String[] {"optimizers", "adam", "--compat", "keras"});
        lines.add(new String[] {"optimizers"});
        lines.add(new String[] {"functions"});
        lines.add(new String[] {"fit", "--model", "linear"});
        for (String[] args : lines) {
            assertEquals(execute(args, false), execute(args, true), String.join(" ", args));
        }
        String workedExample = execute(lines.get(33), true);
        assertTrue(workedExample.startsWith("exit 0") && workedExample.contains("Done: 10 steps"), workedExample);
    }

    private static String execute(String[] args, boolean useModels) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        StopRequest.reset();
        int code = AdagradCommand.commandLine(new PrintWriter(out), StandardError.over(new PrintWriter(err)), args,
                useModels).execute(args);
        StopRequest.reset();
        return "exit " + code + "\n--- out\n" + out + "\n--- err\n" + err;
    }

    @Test
    void theCommandLinesForOneSubcommandComeFromTheModels() {
        PrintWriter nowhere = new PrintWriter(new StringWriter());
        CommandLine commandLine = AdagradCommand.commandLine(nowhere, nowhere, new String[] {"run"});
        // a spec read from a model has no annotated element behind its options
        OptionSpec f = commandLine.getSubcommands().get("run").getCommandSpec().findOption("--f");
        assertEquals(Field.class, f.userObject().getClass());
        assertEquals(null, annotatedElement(f));
        CommandLine annotated = AdagradCommand.commandLine(nowhere, nowhere, new String[] {"run"}, false);
        assertNotNull(annotatedElement(annotated.getSubcommands().get("run").getCommandSpec().findOption("--f")));
    }

    private static Object annotatedElement(ArgSpec arg) {
        try {
            Field field = ArgSpec.class.getDeclaredField("annotatedElement");
            field.setAccessible(true);
            return field.get(arg);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static String usage(CommandSpec spec) {
        CommandLine parent = new CommandLine(CommandSpec.create().name("adagrad"));
        parent.addSubcommand(spec.name(), spec);
        return parent.getSubcommands().get(spec.name()).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    /** Everything picocli holds about the command and each of its options and parameters, one line each. */
    private static String describe(CommandSpec spec) {
        StringBuilder text = new StringBuilder(spec.name()).append('\n');
        UsageMessageSpec usage = spec.usageMessage();
        text.append(List.of(String.valueOf(usage.headerHeading()), Arrays.toString(usage.header()),
                String.valueOf(usage.synopsisHeading()), String.valueOf(usage.synopsisSubcommandLabel()),
                usage.abbreviateSynopsis(), Arrays.toString(usage.customSynopsis()),
                String.valueOf(usage.descriptionHeading()), Arrays.toString(usage.description()),
                String.valueOf(usage.parameterListHeading()), String.valueOf(usage.optionListHeading()),
                usage.sortOptions(), usage.sortSynopsis(), usage.requiredOptionMarker(), usage.showDefaultValues(),
                usage.showAtFileInUsageHelp(), usage.showEndOfOptionsDelimiterInUsageHelp(), usage.hidden(),
                String.valueOf(usage.commandListHeading()), String.valueOf(usage.footerHeading()),
                Arrays.toString(usage.footer()), usage.width(), usage.autoWidth(), usage.longOptionsMaxWidth(),
                usage.sectionKeys(), usage.exitCodeList(), String.valueOf(usage.exitCodeListHeading()),
                usage.adjustLineBreaksForWideCJKCharacters(), usage.synopsisAutoIndentThreshold(),
                usage.synopsisIndent())).append('\n');
        text.append(List.of(Arrays.toString(spec.aliases()), spec.exitCodeOnSuccess(), spec.exitCodeOnUsageHelp(),
                spec.exitCodeOnVersionHelp(), spec.exitCodeOnInvalidInput(), spec.exitCodeOnExecutionException(),
                spec.interpolateVariables(), spec.isAddMethodSubcommands(), spec.subcommandsCaseInsensitive(),
                spec.optionsCaseInsensitive(), spec.scopeType(), spec.inherited(), spec.subcommands().keySet(),
                spec.unmatchedArgsBindings().size(), spec.argGroups().size(),
                String.valueOf(spec.defaultValueProvider()), String.valueOf(spec.resourceBundleBaseName())))
                .append('\n');
        for (ArgSpec arg : spec.args()) {
            List<Object> line = new ArrayList<>();
            if (arg instanceof OptionSpec option) {
                line.addAll(List.of("option", Arrays.toString(option.names()), option.help(), option.usageHelp(),
                        option.versionHelp(), option.negatable(), String.valueOf(option.fallbackValue()),
                        option.order(), option.longestName(), option.shortestName()));
            } else {
                PositionalParamSpec positional = (PositionalParamSpec) arg;
                line.addAll(List.of("positional", positional.index()));
            }
            line.addAll(List.of(arg.toString(), arg.paramLabel(), arg.hideParamSyntax(),
                    Arrays.toString(arg.description()), String.valueOf(arg.descriptionKey()), arg.arity(),
                    arg.arity().isUnspecified(), arg.required(), String.valueOf(arg.defaultValue()),
                    String.valueOf(arg.mapFallbackValue()), arg.splitRegex(), arg.splitRegexSynopsisLabel(),
                    arg.hidden(), arg.showDefaultValue(), arg.interactive(), arg.echo(), String.valueOf(arg.prompt()),
                    arg.inherited(), arg.scopeType(), arg.type(), Arrays.toString(arg.auxiliaryTypes()),
                    classes(arg.converters()), String.valueOf(candidates(arg.completionCandidates())),
                    String.valueOf(arg.initialValue()), arg.hasInitialValue(), String.valueOf(arg.userObject()),
                    String.valueOf(arg.parameterConsumer()), arg.preprocessor().getClass(), arg.isMultiValue(),
                    arg.typeInfo().isMultiValue(), arg.typeInfo().isCollection(), arg.typeInfo().isMap(),
                    arg.typeInfo().isArray(), arg.typeInfo().isEnum(), arg.typeInfo().isBoolean(),
                    arg.typeInfo().isOptional(), arg.typeInfo().getEnumConstantNames(),
                    arg.typeInfo().getAuxiliaryTypeInfos().size(), arg.command().name(),
                    String.valueOf((Object) arg.getValue()),
                    String.valueOf(arg.group())));
            text.append(line).append('\n');
        }
        return text.toString();
    }

    private static List<Class<?>> classes(Object[] objects) {
        List<Class<?>> classes = new ArrayList<>();
        for (Object object : objects) {
            classes.add(object.getClass());
        }
        return classes;
    }

    private static List<String> candidates(Iterable<String> candidates) {
        if (candidates == null) {
            return null;
        }
        List<String> list = new ArrayList<>();
        candidates.forEach(list::add);
        return list;
    }
}
