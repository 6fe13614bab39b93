package dev.adagrad.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import picocli.CommandLine;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.IScope;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * A command's picocli model, written at build time from its annotations and read back at start-up without them.
 *
 * <p>picocli builds a command's model by reflection: every field of the command and of its mixins, every method up
 * to {@code Object}, each annotation read through a dynamic proxy whose class the JDK generates on first use (one per
 * annotation type, and no class-data archive holds them). For {@code adagrad run} that was about half of the
 * program's own start-up. So the build ({@code process-classes}, {@link #main}) builds each command's model the usual
 * way and writes what picocli made of the annotations (names, labels, descriptions, defaults, arity, types,
 * converters, mixins and which field each option sets) as a few kilobytes per command; {@link #load} rebuilds the
 * same model with picocli's programmatic API ({@code CommandSpec}, {@code OptionSpec.builder}), binding each option to
 * its field, with no annotation read. {@code CommandModelTest} checks that the two models agree, option by option and
 * in their help text, for every command, and that the stored models are those the annotations give now. When one is
 * missing (sources compiled without the build's step), {@link #load} returns null and the caller reads the
 * annotations as before.
 *
 * <p>Each model is stored as the constant of a small class the build generates ({@code dev.adagrad.cli.model.run}
 * and so on), not as a resource: the first resource a program looks up costs several milliseconds (the class loader
 * searches its system modules' image before the class path, and opens the jar by URL), while a class comes from the
 * class-data archive with the rest of the code.
 */
public final class CommandModel {

    /** The package of the generated classes that hold the models, one named after each command. */
    private static final String PACKAGE = "dev.adagrad.cli.model";
    private static final int VERSION = 2;

    private static final byte OPTION = 1;
    private static final byte POSITIONAL = 2;
    private static final byte MIXIN = 3;
    private static final byte HYPERPARAMETER = 4;
    private static final byte END = 0;

    private CommandModel() {
    }

    /** Writes the model of each command class (top-level and subcommands) into the class folder {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]).resolve(PACKAGE.replace('.', '/'));
        Files.createDirectories(folder);
        List<Class<?>> commands = new ArrayList<>(AdagradCommand.SUBCOMMANDS);
        commands.add(0, AdagradCommand.class);
        for (Class<?> command : commands) {
            if (command == CommandLine.HelpCommand.class) {
                continue; // needs the whole tree, never built alone
            }
            CommandSpec spec = annotated(command);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            write(spec, bytes);
            Files.write(folder.resolve(spec.name() + ".class"), holder(spec.name(), bytes.toByteArray()));
        }
        Files.write(folder.resolve(OUTLINES + ".class"), holder(OUTLINES, outlinesWritten()));
    }

    /** What {@code adagrad --help} shows of a subcommand (the values of its @Command). */
    record Outline(String name, String[] header, String[] description) {
    }

    /** The name of the stored outlines: no command has it (a command's name is a lower-case word). */
    private static final String OUTLINES = "Outlines";

    /** Every subcommand's outline, in the order --help lists them, as {@link #outlines} reads them. */
    static byte[] outlinesWritten() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(bytes);
        data.writeInt(VERSION);
        data.writeInt(AdagradCommand.SUBCOMMANDS.size());
        for (Class<?> subcommand : AdagradCommand.SUBCOMMANDS) {
            CommandLine.Command command = subcommand.getAnnotation(CommandLine.Command.class);
            data.writeUTF(command.name());
            writeTexts(command.header(), data);
            writeTexts(command.description(), data);
        }
        data.flush();
        return bytes.toByteArray();
    }

    /** The stored outlines of the subcommands; null when there are none. */
    static List<Outline> outlines() {
        byte[] stored = stored(OUTLINES);
        if (stored == null) {
            return null;
        }
        try {
            DataInputStream data = new DataInputStream(new ByteArrayInputStream(stored));
            if (data.readInt() != VERSION) {
                return null;
            }
            List<Outline> outlines = new ArrayList<>();
            for (int i = data.readInt(); i > 0; i--) {
                outlines.add(new Outline(data.readUTF(), readTexts(data), readTexts(data)));
            }
            return outlines;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The class file of {@code dev.adagrad.cli.model.NAME}, whose one field, {@code MODEL}, is a constant string of
     * the model's bytes, one character each (ISO-8859-1).
     */
    static byte[] holder(String name, byte[] model) {
        if (model.length > 30_000) { // a constant's limit is 65,535 bytes of modified UTF-8, ≤ 2 per character here
            throw new IllegalStateException(name + "'s model is too large for one constant: " + model.length);
        }
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER,
                PACKAGE.replace('.', '/') + "/" + name, null, "java/lang/Object", null);
        writer.visitField(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "MODEL", "Ljava/lang/String;",
                null, new String(model, StandardCharsets.ISO_8859_1)).visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /**
     * The model picocli builds from {@code command}'s annotations, with the hyperparameter options an optimizer's
     * command adds from the registry ({@link OptimizerOptions#addHyperparameterOptions}).
     */
    static CommandSpec annotated(Class<?> command) {
        Object user = newInstance(command);
        CommandSpec spec = CommandSpec.forAnnotatedObject(user);
        if (user instanceof OptimizerCommand optimizerCommand) {
            optimizerCommand.optimizerOptions().addHyperparameterOptions(spec);
        }
        return spec;
    }

    /** Writes {@code spec} (built by {@link #annotated}) to {@code out}. */
    static void write(CommandSpec spec, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(VERSION);
        data.writeUTF(spec.name());
        data.writeUTF(spec.versionProvider() == null ? "" : spec.versionProvider().getClass().getName());
        writeElements(spec, data);
        writeUsage(spec.usageMessage(), data);
        data.flush();
    }

    /** The command's own options and mixins in the order picocli added them, then its @Spec fields. */
    private static void writeElements(CommandSpec spec, DataOutputStream data) throws IOException {
        Object user = spec.userObject();
        data.writeUTF(user.getClass().getName());
        List<String> written = new ArrayList<>();
        for (ArgSpec arg : spec.args()) {
            String mixin = mixinOf(spec, arg);
            if (mixin == null) {
                if (arg instanceof OptionSpec option && option.setter() instanceof OptimizerOptions.Given given) {
                    data.writeByte(HYPERPARAMETER);
                    data.writeUTF(given.key);
                    writeOption(option, data);
                } else if (arg instanceof OptionSpec option) {
                    data.writeByte(OPTION);
                    writeOption(option, data);
                } else {
                    data.writeByte(POSITIONAL);
                    writePositional((PositionalParamSpec) arg, data);
                }
            } else if (!written.contains(mixin)) {
                written.add(mixin);
                writeMixin(spec, mixin, data);
            }
        }
        for (String mixin : spec.mixins().keySet()) {
            if (!written.contains(mixin)) { // a mixin without options: only @Spec fields
                writeMixin(spec, mixin, data);
            }
        }
        data.writeByte(END);
        List<Field> specFields = new ArrayList<>();
        for (Field field : user.getClass().getDeclaredFields()) {
            if (field.isAnnotationPresent(Spec.class)) {
                specFields.add(field);
            }
        }
        data.writeInt(specFields.size());
        for (Field field : specFields) {
            data.writeUTF(field.getName());
            data.writeBoolean(field.getAnnotation(Spec.class).value() == Spec.Target.MIXEE);
        }
    }

    /**
     * A mixin, flattened when nothing needs its own spec: its options are then added to the mixee directly, as
     * picocli's addMixin adds them, without a CommandSpec of its own (each costs several regular expressions
     * compiled, and every option added twice). Only a mixin with a @Spec field for itself keeps its own. So the
     * standard help options (-h, -V) are the command's own options too, and {@code mixinStandardHelpOptions()}, which
     * looks for their mixin by name, is false: picocli asks it only to pass the options down to subcommands of an
     * INHERIT-scoped command, and no command here has subcommands.
     */
    private static void writeMixin(CommandSpec spec, String name, DataOutputStream data) throws IOException {
        data.writeByte(MIXIN);
        data.writeUTF(name);
        CommandLine.Model.IAnnotatedElement element = spec.mixinAnnotatedElements().get(name);
        data.writeUTF(element == null ? "" : element.getName());
        CommandSpec mixin = spec.mixins().get(name);
        boolean flattened = true;
        for (Field field : mixin.userObject().getClass().getDeclaredFields()) {
            Spec annotation = field.getAnnotation(Spec.class);
            flattened &= annotation == null || annotation.value() == Spec.Target.MIXEE;
        }
        flattened &= mixin.subcommands().isEmpty() && mixin.argGroups().isEmpty()
                && mixin.unmatchedArgsBindings().isEmpty();
        data.writeBoolean(flattened);
        writeElements(mixin, data);
    }

    private static String mixinOf(CommandSpec spec, ArgSpec arg) {
        for (Map.Entry<String, CommandSpec> mixin : spec.mixins().entrySet()) {
            for (ArgSpec own : mixin.getValue().args()) {
                if (own == arg) {
                    return mixin.getKey();
                }
            }
        }
        return null;
    }

    private static void writeUsage(UsageMessageSpec usage, DataOutputStream data) throws IOException {
        writeText(raw(usage, "headerHeading"), data);
        writeTexts(raw(usage, "header"), data);
        writeText(raw(usage, "synopsisHeading"), data);
        writeText(raw(usage, "synopsisSubcommandLabel"), data);
        data.writeBoolean(usage.abbreviateSynopsis());
        writeTexts(raw(usage, "customSynopsis"), data);
        writeText(raw(usage, "descriptionHeading"), data);
        writeTexts(raw(usage, "description"), data);
        writeText(raw(usage, "parameterListHeading"), data);
        writeText(raw(usage, "optionListHeading"), data);
        data.writeBoolean(usage.sortOptions());
        data.writeBoolean(usage.sortSynopsis());
        data.writeChar(usage.requiredOptionMarker());
        data.writeBoolean(usage.showDefaultValues());
        data.writeBoolean(usage.showAtFileInUsageHelp());
        data.writeBoolean(usage.showEndOfOptionsDelimiterInUsageHelp());
        data.writeBoolean(usage.hidden());
        writeText(raw(usage, "commandListHeading"), data);
        writeText(raw(usage, "footerHeading"), data);
        writeTexts(raw(usage, "footer"), data);
    }

    private static void writeArg(ArgSpec arg, DataOutputStream data) throws IOException {
        data.writeUTF(arg.userObject() instanceof Field field ? field.getName() : ""); // "": a hyperparameter
        data.writeUTF(arg.toString());
        writeText(raw(arg, "paramLabel"), data);
        data.writeBoolean(arg.hideParamSyntax());
        writeTexts(raw(arg, "description"), data);
        writeText(raw(arg, "descriptionKey"), data);
        data.writeBoolean(arg.arity().isUnspecified());
        writeText(arg.arity().originalValue(), data);
        data.writeBoolean(arg.required());
        writeText(raw(arg, "defaultValue"), data);
        writeText(raw(arg, "mapFallbackValue"), data);
        writeText(raw(arg, "splitRegex"), data);
        writeText(raw(arg, "splitRegexSynopsisLabel"), data);
        data.writeBoolean(arg.hidden());
        data.writeUTF(arg.showDefaultValue().name());
        data.writeBoolean(arg.interactive());
        data.writeBoolean(arg.echo());
        writeText(raw(arg, "prompt"), data);
        data.writeBoolean(arg.inherited());
        data.writeUTF(arg.scopeType().name());
        data.writeUTF(arg.type().getName());
        data.writeInt(arg.auxiliaryTypes().length);
        for (Class<?> type : arg.auxiliaryTypes()) {
            data.writeUTF(type.getName());
        }
        data.writeInt(arg.converters().length);
        for (ITypeConverter<?> converter : arg.converters()) {
            data.writeUTF(converter.getClass().getName());
        }
        // A class of this program's: one given in the annotation; an enum's names are made by picocli again.
        Iterable<String> candidates = arg.completionCandidates();
        data.writeUTF(candidates != null && candidates.getClass().getName().startsWith("dev.adagrad.")
                ? candidates.getClass().getName() : "");
        if (arg.parameterConsumer() != null || !arg.preprocessor().getClass().getName().startsWith("picocli.")) {
            throw new IllegalStateException(arg + ": a parameter consumer or preprocessor is not written yet");
        }
    }

    private static void writeOption(OptionSpec option, DataOutputStream data) throws IOException {
        writeArg(option, data);
        writeTexts(raw(option, "names"), data);
        data.writeBoolean(option.help());
        data.writeBoolean(option.usageHelp());
        data.writeBoolean(option.versionHelp());
        data.writeBoolean(option.negatable());
        writeText(raw(option, "fallbackValue"), data);
        data.writeInt(option.order());
    }

    private static void writePositional(PositionalParamSpec positional, DataOutputStream data) throws IOException {
        writeArg(positional, data);
        data.writeUTF(positional.index().originalValue());
    }

    /**
     * A text as the annotation gave it: picocli's getters return it with variables expanded, and a model that
     * stored that would print the expansion of the build's moment (and lose the escaping of "%%").
     */
    @SuppressWarnings("unchecked")
    private static <T> T raw(Object owner, String name) {
        for (Class<?> type = owner.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return (T) field.get(owner);
            } catch (NoSuchFieldException e) {
                // declared higher up
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("picocli's " + owner.getClass().getName() + " has no field " + name);
    }

    private static void writeText(String text, DataOutputStream data) throws IOException {
        data.writeBoolean(text != null);
        if (text != null) {
            data.writeUTF(text);
        }
    }

    private static void writeTexts(String[] texts, DataOutputStream data) throws IOException {
        data.writeInt(texts == null ? -1 : texts.length);
        for (int i = 0; texts != null && i < texts.length; i++) {
            data.writeUTF(texts[i]);
        }
    }

    // ---- start-up: the model read back ----

    /** The model of the command {@code name} ("adagrad", "run", …) the build stored; null when there is none. */
    static CommandSpec load(String name) {
        byte[] model = stored(name);
        try {
            return model == null ? null : read(new ByteArrayInputStream(model));
        } catch (IOException | IllegalStateException e) {
            // a model that does not fit the classes (a field renamed since the build): the annotations are still there
            return null;
        }
    }

    /** The bytes of the model the build stored for {@code name}, or null. */
    static byte[] stored(String name) {
        try {
            Class<?> holder = Class.forName(PACKAGE + "." + name, true, CommandModel.class.getClassLoader());
            return ((String) holder.getField("MODEL").get(null)).getBytes(StandardCharsets.ISO_8859_1);
        } catch (ClassNotFoundException | NoSuchFieldException | IllegalAccessException e) {
            return null;
        }
    }

    /** Reads a model written by {@link #write}, with new instances of its command and mixin classes. */
    static CommandSpec read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new ByteArrayInputStream(in.readAllBytes()));
        if (data.readInt() != VERSION) {
            return null;
        }
        String name = data.readUTF();
        String versionProvider = data.readUTF();
        CommandSpec spec = readSpec(data, null);
        spec.name(name);
        if (!versionProvider.isEmpty()) {
            spec.versionProvider((CommandLine.IVersionProvider) newInstance(type(versionProvider)));
        }
        readUsage(spec.usageMessage(), data);
        return spec;
    }

    /** An object with a spec of its own: the command, or a mixin kept as one. */
    private static CommandSpec readSpec(DataInputStream data, CommandSpec mixee) throws IOException {
        Object user = newInstance(type(data.readUTF()));
        CommandSpec spec = CommandSpec.wrapWithoutInspection(user);
        readMembers(data, user, spec, mixee);
        return spec;
    }

    /** {@code user}'s options, parameters and mixins, added to {@code spec}, and its @Spec fields set. */
    private static void readMembers(DataInputStream data, Object user, CommandSpec spec, CommandSpec mixee)
            throws IOException {
        for (byte kind = data.readByte(); kind != END; kind = data.readByte()) {
            if (kind == OPTION) {
                spec.addOption(readOption(data, user, null));
            } else if (kind == HYPERPARAMETER) {
                String key = data.readUTF();
                spec.addOption(readOption(data, user, ((OptimizerCommand) user).optimizerOptions().setter(key)));
            } else if (kind == POSITIONAL) {
                spec.addPositional(readPositional(data, user));
            } else {
                String mixinName = data.readUTF();
                String fieldName = data.readUTF();
                Object mixinUser;
                if (data.readBoolean()) { // its options go straight to this spec, as addMixin would add them
                    mixinUser = newInstance(type(data.readUTF()));
                    readMembers(data, mixinUser, spec, spec);
                } else {
                    CommandSpec mixin = readSpec(data, spec);
                    mixinUser = mixin.userObject();
                    spec.addMixin(mixinName, mixin);
                }
                if (!fieldName.isEmpty()) { // the standard help options' mixin is in no field
                    set(user, fieldName, mixinUser);
                }
            }
        }
        for (int i = data.readInt(); i > 0; i--) {
            String fieldName = data.readUTF();
            set(user, fieldName, data.readBoolean() ? mixee : spec);
        }
    }

    private static void readUsage(UsageMessageSpec usage, DataInputStream data) throws IOException {
        usage.headerHeading(readText(data));
        usage.header(readTexts(data));
        usage.synopsisHeading(readText(data));
        usage.synopsisSubcommandLabel(readText(data));
        usage.abbreviateSynopsis(data.readBoolean());
        usage.customSynopsis(readTexts(data));
        usage.descriptionHeading(readText(data));
        usage.description(readTexts(data));
        usage.parameterListHeading(readText(data));
        usage.optionListHeading(readText(data));
        usage.sortOptions(data.readBoolean());
        usage.sortSynopsis(data.readBoolean());
        usage.requiredOptionMarker(data.readChar());
        usage.showDefaultValues(data.readBoolean());
        usage.showAtFileInUsageHelp(data.readBoolean());
        usage.showEndOfOptionsDelimiterInUsageHelp(data.readBoolean());
        usage.hidden(data.readBoolean());
        usage.commandListHeading(readText(data));
        usage.footerHeading(readText(data));
        usage.footer(readTexts(data));
    }

    /** What options and positional parameters have in common, as written by {@link #writeArg}. */
    private record Common(Field field, Object user, String shown, String paramLabel, boolean hideParamSyntax,
                          String[] description, String descriptionKey, String arity, boolean required,
                          String defaultValue, String mapFallbackValue, String split, String splitLabel,
                          boolean hidden, Visibility showDefault, boolean interactive, boolean echo, String prompt,
                          boolean inherited, ScopeType scopeType, Class<?> type, Class<?>[] auxiliaryTypes,
                          ITypeConverter<?>[] converters, Iterable<String> candidates) {

        @SuppressWarnings("unchecked")
        static Common read(DataInputStream data, Object user) throws IOException {
            String fieldName = data.readUTF();
            Field field = fieldName.isEmpty() ? null : CommandModel.field(user, fieldName);
            String shown = data.readUTF();
            String paramLabel = readText(data);
            boolean hideParamSyntax = data.readBoolean();
            String[] description = readTexts(data);
            String descriptionKey = readText(data);
            boolean unspecified = data.readBoolean();
            String arity = readText(data);
            boolean required = data.readBoolean();
            String defaultValue = readText(data);
            String mapFallbackValue = readText(data);
            String split = readText(data);
            String splitLabel = readText(data);
            boolean hidden = data.readBoolean();
            Visibility showDefault = Visibility.valueOf(data.readUTF());
            boolean interactive = data.readBoolean();
            boolean echo = data.readBoolean();
            String prompt = readText(data);
            boolean inherited = data.readBoolean();
            ScopeType scopeType = ScopeType.valueOf(data.readUTF());
            Class<?> type = CommandModel.type(data.readUTF());
            Class<?>[] auxiliaryTypes = new Class<?>[data.readInt()];
            for (int i = 0; i < auxiliaryTypes.length; i++) {
                auxiliaryTypes[i] = CommandModel.type(data.readUTF());
            }
            ITypeConverter<?>[] converters = new ITypeConverter<?>[data.readInt()];
            for (int i = 0; i < converters.length; i++) {
                converters[i] = converter(CommandModel.type(data.readUTF()));
            }
            String candidates = data.readUTF();
            return new Common(field, user, shown, paramLabel, hideParamSyntax, description, descriptionKey,
                    unspecified ? null : arity, required, defaultValue, mapFallbackValue, split, splitLabel, hidden,
                    showDefault, interactive, echo, prompt, inherited, scopeType, type, auxiliaryTypes, converters,
                    candidates.isEmpty() ? null : (Iterable<String>) newInstance(CommandModel.type(candidates)));
        }

        /** The field's binding, as picocli makes it for an annotated field; null for a hyperparameter option. */
        Binding binding() {
            return field == null ? null : new Binding(user, field);
        }

        Object initialValue() {
            try {
                return field == null ? null : field.get(user);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** An option bound to its field, or, given a {@code setter}, a hyperparameter option (no field, no getter). */
    private static OptionSpec readOption(DataInputStream data, Object user, ISetter setter) throws IOException {
        Common common = Common.read(data, user);
        OptionSpec.Builder option = OptionSpec.builder(readTexts(data));
        option.help(data.readBoolean());
        option.usageHelp(data.readBoolean());
        option.versionHelp(data.readBoolean());
        option.negatable(data.readBoolean());
        option.fallbackValue(readText(data));
        option.order(data.readInt());
        Binding binding = common.binding();
        if (binding != null) {
            option.getter(binding);
            option.setter(binding);
            option.scope(binding.scope);
            option.userObject(common.field());
        } else {
            option.setter(setter);
        }
        if (common.arity() != null) {
            option.arity(common.arity());
        }
        if (common.candidates() != null) {
            option.completionCandidates(common.candidates());
        }
        option.withToString(common.shown());
        option.paramLabel(common.paramLabel());
        option.hideParamSyntax(common.hideParamSyntax());
        option.description(common.description());
        option.descriptionKey(common.descriptionKey());
        option.required(common.required());
        option.defaultValue(common.defaultValue());
        option.mapFallbackValue(common.mapFallbackValue());
        option.splitRegex(common.split());
        option.splitRegexSynopsisLabel(common.splitLabel());
        option.hidden(common.hidden());
        option.showDefaultValue(common.showDefault());
        option.interactive(common.interactive());
        option.echo(common.echo());
        option.prompt(common.prompt());
        option.inherited(common.inherited());
        option.scopeType(common.scopeType());
        option.type(common.type());
        option.auxiliaryTypes(common.auxiliaryTypes());
        option.converters(common.converters());
        option.initialValue(common.initialValue());
        option.hasInitialValue(true);
        return option.build();
    }

    private static PositionalParamSpec readPositional(DataInputStream data, Object user) throws IOException {
        Common common = Common.read(data, user);
        PositionalParamSpec.Builder positional = PositionalParamSpec.builder();
        positional.index(data.readUTF());
        Binding binding = common.binding();
        positional.getter(binding);
        positional.setter(binding);
        positional.scope(binding.scope);
        positional.userObject(common.field());
        if (common.arity() != null) {
            positional.arity(common.arity());
        }
        if (common.candidates() != null) {
            positional.completionCandidates(common.candidates());
        }
        positional.withToString(common.shown());
        positional.paramLabel(common.paramLabel());
        positional.hideParamSyntax(common.hideParamSyntax());
        positional.description(common.description());
        positional.descriptionKey(common.descriptionKey());
        positional.required(common.required());
        positional.defaultValue(common.defaultValue());
        positional.mapFallbackValue(common.mapFallbackValue());
        positional.splitRegex(common.split());
        positional.splitRegexSynopsisLabel(common.splitLabel());
        positional.hidden(common.hidden());
        positional.showDefaultValue(common.showDefault());
        positional.interactive(common.interactive());
        positional.echo(common.echo());
        positional.prompt(common.prompt());
        positional.inherited(common.inherited());
        positional.scopeType(common.scopeType());
        positional.type(common.type());
        positional.auxiliaryTypes(common.auxiliaryTypes());
        positional.converters(common.converters());
        positional.initialValue(common.initialValue());
        positional.hasInitialValue(true);
        return positional.build();
    }

    /** Gets and sets one field of one object, as picocli's own binding of an annotated field does. */
    private static final class Binding implements IGetter, ISetter {
        private final Object owner;
        private final Field field;
        final IScope scope;

        Binding(Object owner, Field field) {
            this.owner = owner;
            this.field = field;
            this.scope = new IScope() {
                @Override
                @SuppressWarnings("unchecked")
                public <T> T get() {
                    return (T) owner;
                }

                @Override
                public <T> T set(T value) {
                    throw new UnsupportedOperationException("the scope of an option is its object");
                }
            };
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() throws IllegalAccessException {
            return (T) field.get(owner);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T set(T value) throws IllegalAccessException {
            T previous = (T) field.get(owner);
            field.set(owner, value);
            return previous;
        }
    }

    private static Field field(Object owner, String name) {
        try {
            Field field = owner.getClass().getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("the command model is older than " + owner.getClass().getName(), e);
        }
    }

    private static void set(Object owner, String name, Object value) {
        try {
            field(owner, name).set(owner, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Map<String, Class<?>> PRIMITIVES = Map.of("boolean", boolean.class, "int", int.class,
            "long", long.class, "double", double.class, "float", float.class, "short", short.class, "byte",
            byte.class, "char", char.class);

    private static Class<?> type(String name) {
        Class<?> primitive = PRIMITIVES.get(name);
        if (primitive != null) {
            return primitive;
        }
        try {
            return Class.forName(name, false, CommandModel.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the command model names a class that is gone: " + name, e);
        }
    }

    /**
     * The converters made so far, one of each class, shared by the options that name it: they keep no state, and one
     * made by reflection per option (two classes serve about 40 of {@code run}'s 62) had the JDK generate a
     * constructor accessor class at every start.
     */
    private static final Map<Class<?>, ITypeConverter<?>> CONVERTERS = new java.util.concurrent.ConcurrentHashMap<>();

    private static ITypeConverter<?> converter(Class<?> type) {
        ITypeConverter<?> made = CONVERTERS.get(type);
        if (made == null) {
            made = (ITypeConverter<?>) newInstance(type);
            CONVERTERS.put(type, made);
        }
        return made;
    }

    private static Object newInstance(Class<?> type) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + type.getName(), e);
        }
    }

    private static String readText(DataInputStream data) throws IOException {
        return data.readBoolean() ? data.readUTF() : null;
    }

    private static String[] readTexts(DataInputStream data) throws IOException {
        int length = data.readInt();
        if (length < 0) {
            return null;
        }
        String[] texts = new String[length];
        for (int i = 0; i < length; i++) {
            texts[i] = data.readUTF();
        }
        return texts;
    }
}
