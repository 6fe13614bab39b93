package dev.adagrad.expr;

/**
 * A mistake in the user's expression, with the index of the character where it was found so that the command line
 * can point at it with a caret.
 */
public final class ExpressionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String expression;
    private final int position;
    private final String option;

    /**
     * @param problem    what is wrong, as a phrase ("unknown function 'sinn'")
     * @param expression the expression as the user typed it
     * @param position   0-based index of the offending character; {@code expression.length()} means "at the end"
     */
    public ExpressionException(String problem, String expression, int position) {
        this(problem, expression, position, "--f");
    }

    private ExpressionException(String problem, String expression, int position, String option) {
        super(problem);
        this.expression = expression;
        this.position = position;
        this.option = option;
    }

    /** The same mistake in an expression given by another option ({@code --loss}). */
    public ExpressionException in(String option) {
        return new ExpressionException(getMessage(), expression, position, option);
    }

    /** The option that gave the expression, for messages: {@code --f} unless {@link #in} said otherwise. */
    public String option() {
        return option;
    }

    public String problem() {
        return getMessage();
    }

    public String expression() {
        return expression;
    }

    /** 0-based index into {@link #expression()}. */
    public int position() {
        return position;
    }
}
