package dev.adagrad.cli;

import dev.adagrad.output.StepScreen;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

/**
 * {@code adagrad step} full-screen, through JLine: raw keys, the alternate screen (so the terminal's text comes back
 * on quitting), the cursor hidden, a redraw when the terminal is resized (SIGWINCH), and everything restored however
 * the screen is left: q, Ctrl-D, the end of input, Ctrl-C (SIGINT, exit 130) or SIGTERM (exit 143, see
 * {@link Signals#beforeHalt}). The escape sequences of cursor movement and clearing come from the terminal's terminfo
 * entry; only the colours are ANSI's, as the terminal chart's are.
 */
final class StepTerminal {

    /** Milliseconds to wait for the rest of an escape sequence before taking ESC as the Escape key. */
    private static final long ESCAPE_WAIT = 60;

    private final Terminal terminal;
    private final StepSession session;
    private final boolean colour;
    private volatile boolean resized;
    private volatile boolean interrupted;
    private volatile List<String> screen = List.of();

    StepTerminal(Terminal terminal, StepSession session, boolean colour) {
        this.terminal = terminal;
        this.session = session;
        this.colour = colour;
    }

    /**
     * Runs the session on the process's terminal and returns the exit code; null, having changed nothing, when the
     * terminal cannot address its cursor (TERM=dumb, an unknown TERM), where the text mode is the one that works.
     */
    static Integer system(StepSession session) throws IOException {
        // JLine would draw box characters through the terminal's alternate character set, which some terminals
        // (and tmux) show as letters; the screen's own characters are Unicode already.
        System.setProperty("org.jline.utils.disableAlternateCharset", "true");
        Terminal terminal = TerminalBuilder.builder().system(true).dumb(false).nativeSignals(true)
                .signalHandler(Terminal.SignalHandler.SIG_IGN).build();
        try (terminal) {
            if (terminal.getStringCapability(Capability.cursor_address) == null
                    || terminal.getStringCapability(Capability.enter_ca_mode) == null) {
                return null;
            }
            boolean colour = !System.getenv().containsKey("NO_COLOR") && !"dumb".equals(terminal.getType());
            return new StepTerminal(terminal, session, colour).run();
        }
    }

    /** The loop: draw, read a key, carry it out, until quit. Leaves the terminal as it found it. */
    int run() throws IOException {
        Attributes saved = terminal.enterRawMode();
        Runnable restore = () -> restore(saved);
        terminal.handle(Terminal.Signal.WINCH, signal -> resized = true);
        terminal.handle(Terminal.Signal.INT, signal -> interrupted = true);
        Signals.beforeHalt(restore);
        try {
            terminal.puts(Capability.enter_ca_mode);
            terminal.puts(Capability.keypad_xmit);
            terminal.puts(Capability.cursor_invisible);
            draw();
            NonBlockingReader reader = terminal.reader();
            while (!interrupted) {
                int key = reader.read(ESCAPE_WAIT);
                if (key == NonBlockingReader.READ_EXPIRED) {
                    StepKeys.Command pause = session.keys().pause();
                    if (pause != null && pause.kind() != StepKeys.Kind.TYPING) {
                        session.apply(pause);
                        draw();
                    } else if (resized) {
                        draw();
                    }
                    continue;
                }
                if (key < 0) {
                    break; // the end of input
                }
                if (Character.isHighSurrogate((char) key)) {
                    int low = reader.read(ESCAPE_WAIT);
                    key = low >= 0 ? Character.toCodePoint((char) key, (char) low) : key;
                }
                if (!session.apply(session.keys().key(key))) {
                    break;
                }
                draw();
            }
        } finally {
            Signals.beforeHalt(null);
            restore.run();
        }
        return interrupted ? ExitCode.INTERRUPTED : ExitCode.OK;
    }

    /** The lines last drawn, for tests. */
    List<String> screen() {
        return screen;
    }

    private void draw() {
        resized = false;
        Size size = terminal.getSize();
        int width = size.getColumns() > 0 ? size.getColumns() : 80;
        int height = size.getRows() > 0 ? size.getRows() : 24;
        screen = StepScreen.render(session.view(colour), width, height);
        for (int row = 0; row < height; row++) {
            terminal.puts(Capability.cursor_address, row, 0);
            if (row < screen.size()) {
                terminal.writer().write(screen.get(row));
            }
            terminal.puts(Capability.clr_eol);
        }
        terminal.flush();
    }

    private synchronized void restore(Attributes saved) {
        terminal.puts(Capability.cursor_visible);
        terminal.puts(Capability.keypad_local);
        terminal.puts(Capability.exit_ca_mode);
        terminal.flush();
        terminal.setAttributes(saved);
    }

    /** Whether this environment asks for no colour. */
    static boolean noColour(Map<String, String> environment) {
        return environment.containsKey("NO_COLOR");
    }
}
