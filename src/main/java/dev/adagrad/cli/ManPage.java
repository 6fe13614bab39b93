package dev.adagrad.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A roff man page (the {@code man} macros) of one command, written from the live command model: the same
 * descriptions {@code --help} prints, including the hyperparameter options generated from the optimizer registry.
 *
 * <p>Small on purpose: picocli-codegen writes AsciiDoc, which needs asciidoctor (Ruby) before {@code man} can show
 * it; this needs nothing, so {@code adagrad man run} works from the jar and the Debian package's pages are made by
 * the program they describe.
 */
final class ManPage {

    /** The width the synopsis is wrapped to, whatever the terminal that builds the page. */
    private static final int SYNOPSIS_WIDTH = 72;

    private final StringBuilder page = new StringBuilder();

    private ManPage() {
    }

    /** The page's name: {@code adagrad} for the root, {@code adagrad-run} for a subcommand. */
    static String name(CommandSpec spec) {
        return spec.qualifiedName("-");
    }

    /** The whole page of {@code spec}, for {@code man -l}. */
    static String of(CommandSpec spec, String version) {
        ManPage man = new ManPage();
        man.write(spec, version);
        return man.page.toString();
    }

    private void write(CommandSpec spec, String version) {
        String name = name(spec);
        String[] description = spec.usageMessage().description();
        macro(".TH", quoted(name.toUpperCase(java.util.Locale.ROOT)), "1", "\"\"", quoted(version),
                quoted("adagrad manual"));
        macro(".SH", "NAME");
        text(name + " - " + (description.length == 0 ? "" : firstLine(description)));

        macro(".SH", "SYNOPSIS");
        spec.usageMessage().autoWidth(false).width(SYNOPSIS_WIDTH);
        Help help = new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF));
        preformatted(help.synopsis(0));

        if (description.length > 0) {
            macro(".SH", "DESCRIPTION");
            paragraphs(description);
        }
        List<OptionSpec> options = spec.options().stream().filter(option -> !option.hidden()).toList();
        if (!options.isEmpty()) {
            macro(".SH", "OPTIONS");
            for (OptionSpec option : options) {
                macro(".TP");
                List<String> names = new ArrayList<>();
                for (String optionName : option.names()) {
                    names.add("\\fB" + escape(optionName) + "\\fR");
                }
                page.append(String.join(", ", names)).append(parameter(option, "=")).append('\n');
                paragraphs(option.description());
            }
        }
        List<PositionalParamSpec> positionals = spec.positionalParameters().stream()
                .filter(positional -> !positional.hidden()).toList();
        if (!positionals.isEmpty()) {
            macro(".SH", "ARGUMENTS");
            for (PositionalParamSpec positional : positionals) {
                macro(".TP");
                page.append(parameter(positional, "").strip()).append('\n');
                paragraphs(positional.description());
            }
        }
        Map<String, CommandLine> subcommands = spec.subcommands();
        if (!subcommands.isEmpty()) {
            macro(".SH", "COMMANDS");
            for (Map.Entry<String, CommandLine> entry : subcommands.entrySet()) {
                String[] lines = entry.getValue().getCommandSpec().usageMessage().description();
                macro(".TP");
                text("\\fB" + escape(entry.getKey()) + "\\fR", false);
                text(lines.length == 0 ? "" : firstLine(lines));
            }
        }
        String[] footer = spec.usageMessage().footer();
        if (footer.length > 0 && String.join("", footer).strip().length() > 0) {
            String heading = spec.usageMessage().footerHeading().replace("%n", "").replace(":", "").strip();
            macro(".SH", heading.isEmpty() ? "EXAMPLES" : heading.toUpperCase(java.util.Locale.ROOT));
            preformatted(String.join("\n", footer).replace("%n", "\n").strip() + "\n");
        }
        macro(".SH", "SEE ALSO");
        List<String> related = new ArrayList<>();
        if (spec.parent() != null) {
            related.add("\\fB" + escape(name(spec.parent())) + "\\fR(1)");
        }
        for (CommandLine subcommand : subcommands.values()) {
            related.add("\\fB" + escape(name(subcommand.getCommandSpec())) + "\\fR(1)");
        }
        text(related.isEmpty() ? escape("adagrad --help") : String.join(", ", related), false);
    }

    /** " \fIVALUE\fR" after an option's names, nothing for a flag. */
    private static String parameter(ArgSpec arg, String separator) {
        if (arg.arity().max() == 0) {
            return "";
        }
        String label = arg.paramLabel();
        return separator + "\\fI" + escape(label) + "\\fR";
    }

    private static String firstLine(String[] lines) {
        return lines[0].lines().findFirst().orElse("");
    }

    /** Description lines: each of picocli's lines (and %n breaks) is a line of the page. */
    private void paragraphs(String[] lines) {
        boolean first = true;
        for (String line : lines) {
            for (String part : line.replace("%n", "\n").split("\n", -1)) {
                if (!first) {
                    macro(".br");
                }
                text(part.strip());
                first = false;
            }
        }
    }

    /** Text the page shows as it is: examples and the synopsis keep their line breaks and spaces. */
    private void preformatted(String text) {
        macro(".nf");
        for (String line : text.stripTrailing().split("\n", -1)) {
            text(line.stripTrailing(), true);
        }
        macro(".fi");
    }

    private void text(String text) {
        text(escape(text), false);
    }

    /** A line of text, already escaped unless {@code raw}; protected from being read as a request. */
    private void text(String line, boolean raw) {
        String shown = raw ? escape(line) : line;
        if (shown.startsWith(".") || shown.startsWith("'")) {
            page.append("\\&");
        }
        page.append(shown).append('\n');
    }

    private void macro(String name, String... arguments) {
        page.append(name);
        for (String argument : arguments) {
            page.append(' ').append(argument);
        }
        page.append('\n');
    }

    private static String quoted(String text) {
        return "\"" + escape(text).replace("\"", "\\(dq") + "\"";
    }

    /** roff's special characters: the backslash, and '-' as a minus (a plain one may print as a hyphen). */
    static String escape(String text) {
        return text.replace("\\", "\\e").replace("-", "\\-");
    }
}
