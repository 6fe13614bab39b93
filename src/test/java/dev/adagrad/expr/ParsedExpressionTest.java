package dev.adagrad.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The candidate variables of a checked expression: its identifiers that are not function names or constants. */
class ParsedExpressionTest {

    @Test
    void theNonConstantsAreTheIdentifiersInOrderWithoutEPiPhi() {
        ParsedExpression parsed = ExpressionSyntax.check("pi*w + sin(e*b) + φ*w + π - a");
        assertEquals(List.of("pi", "w", "e", "b", "φ", "π", "a"), parsed.identifiers());
        assertEquals(List.of("w", "b", "a"), parsed.nonConstants());
        assertEquals(List.of(), ExpressionSyntax.check("pi + e").nonConstants());
    }
}
